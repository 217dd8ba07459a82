package org.paretowb.services.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/**
 * The knobs a search may turn, each mapped onto the recipe's stages; a knob a space leaves out stays off. A new knob
 * (a fine-tuning optimizer, a batch size) is one entry in {@link #NAMES}, one check in {@link #check} and one line in
 * {@link #recipe}.
 */
public final class RecipeKnobs {
    /** The knob names a space may use, in the order a candidate lists them. */
    public static final List<String> NAMES = List.of("structured", "rank", "prune", "finetune-epochs", "finetune-lr",
            "quant");
    /** The choices of the quant knob. */
    public static final List<String> QUANT = List.of("fp32", "int8", "int4", "int2", "static-int8", "static-int8-auto");
    /** Training images static int8 calibrates on (the command line's default). */
    public static final int CALIBRATION_IMAGES = 1000;

    private RecipeKnobs() {
    }

    /** Refuses a knob this workbench does not know, or one whose values leave the technique's limits. */
    public static void check(Knob knob) {
        String name = knob.name();
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown knob '" + name + "' (knobs: " + String.join(", ", NAMES) + ")");
        }
        if (name.equals("quant")) {
            if (knob.kind() != Knob.Kind.CATEGORICAL) {
                throw new IllegalArgumentException("quant: give its choices as \"values\": a list among "
                        + String.join(", ", QUANT));
            }
            for (String label : knob.labels()) {
                if (!QUANT.contains(label)) {
                    throw new IllegalArgumentException("quant: unknown choice '" + label + "' (choices: "
                            + String.join(", ", QUANT) + ")");
                }
            }
            return;
        }
        if (knob.kind() == Knob.Kind.CATEGORICAL) {
            throw new IllegalArgumentException(name + ": values must be numbers");
        }
        double lo = knob.kind() == Knob.Kind.RANGE ? knob.low()
                : knob.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = knob.kind() == Knob.Kind.RANGE ? knob.high()
                : knob.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        switch (name) {
            case "prune", "structured" -> require(name, lo >= 0 && hi < 1, "at least 0 and below 1", lo, hi);
            case "rank" -> require(name, lo > 0 && hi <= 1, "above 0 and at most 1 (1 is off)", lo, hi);
            case "finetune-lr" -> require(name, lo > 0 && hi < 1, "above 0 and below 1", lo, hi);
            case "finetune-epochs" -> {
                if (knob.kind() != Knob.Kind.ORDINAL || knob.values().stream().anyMatch(v -> v < 0 || v != Math.rint(v))) {
                    throw new IllegalArgumentException("finetune-epochs: give whole numbers of 0 or more as \"values\"");
                }
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private static void require(String name, boolean ok, String wanted, double lo, double hi) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": values must be " + wanted + ", got " + Knob.format(lo) + " to "
                    + Knob.format(hi));
        }
    }

    /** The recipe of knob settings: numbers for numeric knobs, the label for quant; absent knobs off. */
    public static Recipe recipe(Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        double structured = number(s, "structured", 0);
        double rank = number(s, "rank", 1);
        double prune = number(s, "prune", 0);
        int epochs = (int) Math.round(number(s, "finetune-epochs", 0));
        double lr = number(s, "finetune-lr", FineTuneSettings.NONE.learningRate());
        String quant = (String) s.getOrDefault("quant", "fp32");
        return Recipe.builder()
                .structured(structured > 0 ? new StructuredPruningSettings(structured, StructuredPruningSettings.Norm.L1)
                        : StructuredPruningSettings.NONE)
                .lowRank(rank < 1 ? new LowRankSettings(rank) : LowRankSettings.NONE)
                .pruning(prune > 0 ? new PruningSettings(prune) : PruningSettings.NONE)
                // the learning rate means nothing without epochs: one recipe, whatever it was
                .fineTune(epochs > 0 ? new FineTuneSettings(epochs, lr) : FineTuneSettings.NONE)
                .quantization(quantization(quant))
                .build();
    }

    private static QuantizationSettings quantization(String label) {
        return switch (label) {
            case "fp32" -> QuantizationSettings.NONE;
            case "int8" -> new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true);
            case "int4" -> new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 4, true, true);
            case "int2" -> new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 2, true, true);
            case "static-int8" -> new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true,
                    CALIBRATION_IMAGES, QuantizationSettings.Observer.MIN_MAX, Int8Layers.ALL);
            case "static-int8-auto" -> new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true,
                    CALIBRATION_IMAGES, QuantizationSettings.Observer.MIN_MAX, Int8Layers.WHERE_IT_PAYS);
            default -> throw new IllegalArgumentException("quant: unknown choice '" + label + "'");
        };
    }

    private static double number(Map<String, Object> s, String name, double off) {
        Object v = s.get(name);
        return v == null ? off : ((Number) v).doubleValue();
    }
}
