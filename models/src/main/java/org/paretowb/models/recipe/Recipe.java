package org.paretowb.models.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to do to the loaded model to make one point. The stages are applied in a fixed order, whatever
 * order the settings were given in: distillation (the student replaces the loaded model), layer removal,
 * structured pruning, low-rank, unstructured pruning, fine-tuning, quantization.
 */
public record Recipe(DistillationSettings distillation, StructuredPruningSettings structured, LowRankSettings lowRank,
                     PruningSettings pruning, FineTuneSettings fineTune, QuantizationSettings quantization,
                     LayerRemovalSettings removal) {
    public static final Recipe BASELINE = new Recipe(DistillationSettings.NONE, StructuredPruningSettings.NONE,
            LowRankSettings.NONE, PruningSettings.NONE, FineTuneSettings.NONE, QuantizationSettings.NONE,
            LayerRemovalSettings.NONE);

    /** A recipe stored before layer removal existed has no removal: it reads as none. */
    public Recipe {
        removal = removal == null ? LayerRemovalSettings.NONE : removal;
        if (distillation == null || structured == null || lowRank == null || pruning == null || fineTune == null
                || quantization == null) {
            throw new IllegalArgumentException("a recipe needs every stage's settings (NONE for an unused stage)");
        }
    }

    /** A builder with every stage off (NONE): set the stages a recipe uses, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder(BASELINE);
    }

    /** A builder starting from this recipe's stages (to change one or two). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a recipe stage by stage; an unset stage stays as it started (NONE for {@link #builder()}). */
    public static final class Builder {
        private DistillationSettings distillation;
        private StructuredPruningSettings structured;
        private LowRankSettings lowRank;
        private PruningSettings pruning;
        private FineTuneSettings fineTune;
        private QuantizationSettings quantization;
        private LayerRemovalSettings removal;

        private Builder(Recipe from) {
            removal = from.removal;
            distillation = from.distillation;
            structured = from.structured;
            lowRank = from.lowRank;
            pruning = from.pruning;
            fineTune = from.fineTune;
            quantization = from.quantization;
        }

        public Builder distillation(DistillationSettings settings) {
            this.distillation = settings;
            return this;
        }

        public Builder structured(StructuredPruningSettings settings) {
            this.structured = settings;
            return this;
        }

        public Builder lowRank(LowRankSettings settings) {
            this.lowRank = settings;
            return this;
        }

        public Builder pruning(PruningSettings settings) {
            this.pruning = settings;
            return this;
        }

        public Builder fineTune(FineTuneSettings settings) {
            this.fineTune = settings;
            return this;
        }

        public Builder removal(LayerRemovalSettings settings) {
            this.removal = settings;
            return this;
        }

        public Builder quantization(QuantizationSettings settings) {
            this.quantization = settings;
            return this;
        }

        /** The recipe; a stage set to null is refused by the record's validation. */
        public Recipe build() {
            return new Recipe(distillation, structured, lowRank, pruning, fineTune, quantization,
                    removal == null ? LayerRemovalSettings.NONE : removal);
        }
    }

    public boolean isBaseline() {
        return !distillation.active() && !removal.active() && !pruning.active() && !structured.active() && !lowRank.active() && !fineTune.active()
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
        if (removal.active()) {
            parts.add(removal.summary());
        }
        if (structured.active()) {
            parts.add(String.format(Locale.ROOT, "remove %s%% channels (%s%s)", percent(structured.ratio()),
                    structured.norm(), structured.scope() == StructuredPruningSettings.Scope.GLOBAL ? ", global" : ""));
        }
        if (lowRank.active()) {
            parts.add(String.format(Locale.ROOT, "low-rank %s %s%%%s", lowRank.target().name().toLowerCase(Locale.ROOT),
                    percent(lowRank.fraction()), lowRank.criterion() == LowRankSettings.Criterion.ENERGY ? " energy" : ""));
        }
        if (pruning.active()) {
            parts.add(String.format(Locale.ROOT, "prune %s%% (%s magnitude)", percent(pruning.sparsity()),
                    pruning.scope() == PruningSettings.Scope.GLOBAL ? "global" : "per-layer"));
        }
        if (fineTune.active()) {
            String details = fineTune.details();
            parts.add("fine-tune " + fineTune.epochs() + (fineTune.epochs() == 1 ? " epoch" : " epochs")
                    + (details.isEmpty() ? "" : " (" + details + ")"));
        }
        if (quantization.active()) {
            parts.add(quantization.summary());
        }
        return String.join(" + ", parts);
    }

    /** A fraction as the knob's exact percentage: 0.499 reads 49.9, 0.5 reads 50, never rounded to a whole. */
    public static String percent(double fraction) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", fraction * 100)).stripTrailingZeros()
                .toPlainString();
    }
}
