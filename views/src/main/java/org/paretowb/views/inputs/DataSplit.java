package org.paretowb.views.inputs;

import java.util.Locale;

/**
 * How the loaded data is divided: the share kept for evaluation (the points are measured on it) and the seed of
 * the random split; the rest trains (fine-tuning, distillation, calibration). A share of 1 keeps all of it
 * for evaluation.
 */
public record DataSplit(double evaluationShare, long seed) {
    /** Everything evaluates; nothing is split off. */
    public static final DataSplit NONE = new DataSplit(1, 0);

    public DataSplit {
        if (!(evaluationShare > 0 && evaluationShare <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the evaluation share must be more than"
                    + " 0%% and at most 100%%, got %s%%", percent(evaluationShare)));
        }
    }

    public boolean active() {
        return evaluationShare < 1;
    }

    /** "20% for evaluation, seed 7" or "all for evaluation". */
    public String describe() {
        return active() ? percent(evaluationShare) + "% for evaluation, the rest for training, seed " + seed
                : "all for evaluation (no split)";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g", share * 100).replaceFirst("\\.?0+$", "");
    }
}
