package org.paretowb.services.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.LayerRemovalSettings;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/**
 * A recipe as the command line's technique flags (names without the dashes, values as typed), in the order of
 * the stages. A field not set keeps the flag's default, so a file naming only "prune" means what
 * {@code --prune} alone means.
 */
final class RecipeFields {
    /** The flags and their defaults: the command line's defaults. */
    static final Map<String, Object> DEFAULTS = defaults();

    private final Map<String, Object> values = new LinkedHashMap<>(DEFAULTS);

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("distill-student", "none");
        d.put("temperature", 4.0);
        d.put("alpha", 0.7);
        d.put("distill-epochs", 10);
        d.put("distill-lr", 0.01);
        d.put("distill-optimizer", "adam");
        d.put("distill-weight-decay", 0.0);
        d.put("distill-batch", 128);
        d.put("seed", 1L);
        d.put("remove-layers", "0");
        d.put("structured", 0.0);
        d.put("structured-norm", "L1");
        d.put("structured-scope", "layer");
        d.put("rank", 1.0);
        d.put("rank-layers", "dense");
        d.put("rank-by", "parameters");
        d.put("prune", 0.0);
        d.put("prune-scope", "global");
        d.put("finetune-epochs", 0);
        d.put("finetune-lr", 5e-4);
        d.put("finetune-optimizer", "adam");
        d.put("finetune-momentum", 0.9);
        d.put("finetune-schedule", "cosine");
        d.put("finetune-l1", 0.0);
        d.put("finetune-l2", 0.0);
        d.put("finetune-batch", 128);
        d.put("quant", "weight");
        d.put("bits", 32);
        d.put("per-tensor", false);
        d.put("asymmetric", false);
        d.put("calibration", 1000);
        d.put("observer", "minmax");
        d.put("int8-layers", "all");
        return java.util.Collections.unmodifiableMap(d);
    }

    Map<String, Object> values() {
        return values;
    }

    void set(String name, Object value) {
        values.put(name, value);
    }

    /** The fields of a recipe: every stage's settings; an unused stage shows the flags' defaults where it has no value of its own. */
    static RecipeFields of(Recipe recipe) {
        RecipeFields f = new RecipeFields();
        DistillationSettings d = recipe.distillation();
        if (d.active()) {
            f.set("distill-student", d.student());
            f.set("temperature", d.temperature());
            f.set("alpha", d.alpha());
            f.set("distill-epochs", d.epochs());
            f.set("distill-lr", d.learningRate());
            f.set("distill-optimizer", d.optimizer().name().toLowerCase(Locale.ROOT));
            f.set("distill-weight-decay", d.weightDecay());
            f.set("distill-batch", d.batchSize());
            f.set("seed", d.seed());
        }
        f.set("remove-layers", recipe.removal().describe());
        StructuredPruningSettings s = recipe.structured();
        f.set("structured", s.ratio());
        f.set("structured-norm", s.norm().name());
        f.set("structured-scope", s.scope() == StructuredPruningSettings.Scope.GLOBAL ? "global" : "layer");
        LowRankSettings r = recipe.lowRank();
        f.set("rank", r.fraction());
        f.set("rank-layers", r.target().name().toLowerCase(Locale.ROOT));
        f.set("rank-by", r.criterion().name().toLowerCase(Locale.ROOT));
        PruningSettings p = recipe.pruning();
        f.set("prune", p.sparsity());
        f.set("prune-scope", p.scope() == PruningSettings.Scope.GLOBAL ? "global" : "layer");
        f.set("finetune-epochs", recipe.fineTune().epochs());
        FineTuneSettings t = recipe.fineTune();
        f.set("finetune-lr", t.learningRate());
        f.set("finetune-optimizer", t.optimizer().name().toLowerCase(Locale.ROOT));
        f.set("finetune-momentum", t.momentum());
        f.set("finetune-schedule", t.schedule().name().toLowerCase(Locale.ROOT));
        f.set("finetune-l1", t.l1());
        f.set("finetune-l2", t.l2());
        f.set("finetune-batch", t.batchSize());
        QuantizationSettings q = recipe.quantization();
        if (q.active()) {
            f.set("quant", q.mode().name().toLowerCase(Locale.ROOT));
            f.set("bits", q.bits());
            f.set("per-tensor", !q.perChannel());
            f.set("asymmetric", !q.symmetric());
            if (q.mode() == QuantizationSettings.Mode.STATIC) {
                f.set("calibration", q.calibrationSamples());
            }
            f.set("observer", q.observer() == QuantizationSettings.Observer.PERCENTILE ? "percentile" : "minmax");
            f.set("int8-layers", q.int8Layers().describe());
        }
        return f;
    }

    /** The recipe the fields describe, read as the command line reads the flags. */
    Recipe recipe(String source) throws RecipeFileException {
        return Recipe.builder()
                .distillation(build(source, "distill-student", this::distillation))
                .structured(build(source, "structured", () -> new StructuredPruningSettings(number("structured"),
                        choice("structured-norm", StructuredPruningSettings.Norm.class, "L1", "L2"),
                        choice("structured-scope", StructuredPruningSettings.Scope.class, "layer", "global"))))
                .lowRank(build(source, "rank", () -> new LowRankSettings(number("rank"),
                        choice("rank-by", LowRankSettings.Criterion.class, "parameters", "energy"),
                        choice("rank-layers", LowRankSettings.Target.class, "dense", "conv", "all"))))
                .pruning(build(source, "prune", () -> new PruningSettings(number("prune"),
                        choice("prune-scope", PruningSettings.Scope.class, "global", "layer"))))
                .removal(build(source, "remove-layers",
                        () -> LayerRemovalSettings.parse((String) values.get("remove-layers"))))
                .fineTune(build(source, "finetune-epochs", () -> new FineTuneSettings(integer("finetune-epochs"),
                        number("finetune-lr"), choice("finetune-optimizer", FineTuneSettings.Optimizer.class, "adam",
                        "sgd"), choice("finetune-schedule", FineTuneSettings.Schedule.class, "cosine", "constant",
                        "step"), number("finetune-momentum"), number("finetune-l1"), number("finetune-l2"),
                        integer("finetune-batch"))))
                .quantization(build(source, "quant", this::quantization))
                .build();
    }

    private DistillationSettings distillation() {
        String student = (String) values.get("distill-student");
        if (student.equals("none")) {
            return DistillationSettings.NONE;
        }
        return new DistillationSettings(student, number("temperature"), number("alpha"), integer("distill-epochs"),
                number("distill-lr"), choice("distill-optimizer", DistillationSettings.Optimizer.class, "adam", "sgd"),
                number("distill-weight-decay"), integer("distill-batch"), ((Number) values.get("seed")).longValue());
    }

    private QuantizationSettings quantization() {
        QuantizationSettings.Mode mode = choice("quant", QuantizationSettings.Mode.class, "weight", "dynamic", "static");
        int bits = integer("bits");
        if (bits == 32 && mode == QuantizationSettings.Mode.WEIGHT) {
            return QuantizationSettings.NONE;
        }
        return new QuantizationSettings(mode, bits == 32 ? 8 : bits, !(Boolean) values.get("per-tensor"),
                !(Boolean) values.get("asymmetric"),
                mode == QuantizationSettings.Mode.STATIC ? integer("calibration") : 0,
                choice("observer", QuantizationSettings.Observer.class, "minmax", "percentile"),
                Int8Layers.parse((String) values.get("int8-layers")));
    }

    /** A field whose value is none of its choices (the message names the field). */
    private static final class FieldError extends IllegalArgumentException {
        FieldError(String message) {
            super(message);
        }
    }

    private interface Stage<T> {
        T build();
    }

    private static <T> T build(String source, String field, Stage<T> stage) throws RecipeFileException {
        try {
            return stage.build();
        } catch (FieldError e) {
            throw new RecipeFileException(source + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new RecipeFileException(source + ": " + field + ": " + e.getMessage());
        }
    }

    private double number(String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    private int integer(String name) {
        return ((Number) values.get(name)).intValue();
    }

    /** The enum constant at the position of the value among {@code names} (names in the enum's order). */
    private <E extends Enum<E>> E choice(String name, Class<E> type, String... names) {
        String given = (String) values.get(name);
        E[] constants = type.getEnumConstants();
        int offset = type == QuantizationSettings.Mode.class ? 1 : 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(given)) {
                return constants[i + offset];
            }
        }
        String listed = String.join(", ", java.util.Arrays.copyOf(names, names.length - 1)) + " or "
                + names[names.length - 1];
        throw new FieldError("field '" + name + "' must be " + listed + ", not '" + given + "'");
    }
}
