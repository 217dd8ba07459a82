package org.paretowb.models.recipe;

import java.util.Locale;

/**
 * What to do to the loaded model to make one point. Later techniques join as further components;
 * the order in which they are applied is fixed by the service that applies them, not by this record.
 */
public record Recipe(PruningSettings pruning) {
    public static final Recipe BASELINE = new Recipe(PruningSettings.NONE);

    public Recipe {
        if (pruning == null) {
            throw new IllegalArgumentException("a recipe needs pruning settings (PruningSettings.NONE for none)");
        }
    }

    public boolean isBaseline() {
        return !pruning.active();
    }

    /** One short line for tables and tooltips. */
    public String summary() {
        if (isBaseline()) {
            return "baseline (fp32, dense)";
        }
        return String.format(Locale.ROOT, "prune %.0f%% (global magnitude)", pruning.sparsity() * 100);
    }
}
