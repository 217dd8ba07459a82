package org.paretowb.models.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to do to the loaded model to make one point. The stages are applied in a fixed order, whatever
 * order the settings were given in: distillation (the student replaces the loaded model), structured
 * pruning, low-rank, unstructured pruning, fine-tuning, quantization.
 */
public record Recipe(DistillationSettings distillation, StructuredPruningSettings structured, LowRankSettings lowRank,
                     PruningSettings pruning, FineTuneSettings fineTune, QuantizationSettings quantization) {
    public static final Recipe BASELINE = new Recipe(DistillationSettings.NONE, StructuredPruningSettings.NONE,
            LowRankSettings.NONE, PruningSettings.NONE, FineTuneSettings.NONE, QuantizationSettings.NONE);

    public Recipe {
        if (distillation == null || structured == null || lowRank == null || pruning == null || fineTune == null
                || quantization == null) {
            throw new IllegalArgumentException("a recipe needs every stage's settings (NONE for an unused stage)");
        }
    }

    /** Unstructured pruning only. */
    public Recipe(PruningSettings pruning) {
        this(DistillationSettings.NONE, StructuredPruningSettings.NONE, LowRankSettings.NONE, pruning,
                FineTuneSettings.NONE, QuantizationSettings.NONE);
    }

    public boolean isBaseline() {
        return !distillation.active() && !pruning.active() && !structured.active() && !lowRank.active() && !fineTune.active()
                && !quantization.active();
    }

    /** One short line for tables and tooltips. */
    public String summary() {
        if (isBaseline()) {
            return "baseline (fp32, dense)";
        }
        List<String> parts = new ArrayList<>();
        if (distillation.active()) {
            parts.add(distillation.summary());
        }
        if (structured.active()) {
            parts.add(String.format(Locale.ROOT, "remove %.0f%% channels (%s%s)", structured.ratio() * 100,
                    structured.norm(), structured.scope() == StructuredPruningSettings.Scope.GLOBAL ? ", global" : ""));
        }
        if (lowRank.active()) {
            parts.add(String.format(Locale.ROOT, "low-rank %s %.0f%%%s", lowRank.target().name().toLowerCase(Locale.ROOT),
                    lowRank.fraction() * 100, lowRank.criterion() == LowRankSettings.Criterion.ENERGY ? " energy" : ""));
        }
        if (pruning.active()) {
            parts.add(String.format(Locale.ROOT, "prune %.0f%% (%s magnitude)", pruning.sparsity() * 100,
                    pruning.scope() == PruningSettings.Scope.GLOBAL ? "global" : "per-layer"));
        }
        if (fineTune.active()) {
            parts.add("fine-tune " + fineTune.epochs() + (fineTune.epochs() == 1 ? " epoch" : " epochs"));
        }
        if (quantization.active()) {
            parts.add(quantization.summary());
        }
        return String.join(" + ", parts);
    }
}
