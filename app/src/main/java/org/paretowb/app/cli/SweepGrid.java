package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/**
 * A grid of recipes written as {@code "prune=0,0.5,0.9;bits=32,8,4"}: each axis a knob with its values,
 * the recipes their cross product. Knobs: prune, structured, rank, bits (32 = fp32), finetune (epochs).
 */
final class SweepGrid {
    private final Map<String, List<Double>> axes = new LinkedHashMap<>();

    SweepGrid(String text) {
        for (String axis : text.split(";")) {
            String[] parts = axis.split("=", 2);
            String knob = parts[0].trim();
            if (parts.length != 2 || !List.of("prune", "structured", "rank", "bits", "finetune").contains(knob)) {
                throw new UserError("--grid: '" + axis.trim() + "' is not knob=v1,v2,... with a knob among "
                        + "prune, structured, rank, bits, finetune");
            }
            List<Double> values = new ArrayList<>();
            for (String v : parts[1].split(",")) {
                try {
                    values.add(Double.parseDouble(v.trim()));
                } catch (NumberFormatException e) {
                    throw new UserError("--grid: '" + v.trim() + "' in " + knob + " is not a number");
                }
            }
            if (axes.put(knob, values) != null) {
                throw new UserError("--grid: " + knob + " is given twice");
            }
        }
    }

    /** Every combination, the last axis varying fastest. */
    List<Recipe> recipes() {
        List<Map<String, Double>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Double>> axis : axes.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> combo : combos) {
                for (double value : axis.getValue()) {
                    Map<String, Double> extended = new LinkedHashMap<>(combo);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            combos = next;
        }
        return combos.stream().map(SweepGrid::recipe).toList();
    }

    private static Recipe recipe(Map<String, Double> knobs) {
        int bits = (int) Math.round(knobs.getOrDefault("bits", 32.0));
        return Recipe.builder()
                .structured(Flags.settings("--grid structured", () -> new StructuredPruningSettings(
                        knobs.getOrDefault("structured", 0.0), StructuredPruningSettings.Norm.L1)))
                .lowRank(Flags.settings("--grid rank", () -> new LowRankSettings(knobs.getOrDefault("rank", 1.0))))
                .pruning(Flags.settings("--grid prune", () -> new PruningSettings(knobs.getOrDefault("prune", 0.0))))
                .fineTune(Flags.settings("--grid finetune", () -> new FineTuneSettings(
                        (int) Math.round(knobs.getOrDefault("finetune", 0.0)), FineTuneSettings.NONE.learningRate())))
                .quantization(bits == 32 ? QuantizationSettings.NONE : Flags.settings("--grid bits",
                        () -> new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, bits, true, true)))
                .build();
    }
}
