package org.paretowb.app.cli;

import java.util.Locale;
import org.paretowb.services.usecase.UserError;

/**
 * The CI gate of {@code eval --fail-if-drop-over}: the compressed model may lose at most {@code budget} points of
 * top-1 accuracy against the baseline measured in the same run on the same images.
 *
 * @param budget the largest drop allowed, in percentage points
 * @param baseline the uncompressed model's top-1 accuracy (0 to 1)
 * @param compressed the compressed model's top-1 accuracy (0 to 1)
 * @param samples how many images or rows both were measured on
 */
record AccuracyGate(double budget, double baseline, double compressed, int samples) {
    /** Exit code of a gate that failed (2 stays bad input, 1 an unexpected fault). */
    static final int FAILED = 3;

    /** Refuses, in one line, a budget that is not a number of points of 0 or more. */
    static void check(Double budget) {
        if (budget != null && !(budget >= 0 && Double.isFinite(budget))) {
            throw new UserError("--fail-if-drop-over must be a number of accuracy points of 0 or more (1.0 allows"
                    + " 92.0% to fall to 91.0%), not " + budget);
        }
    }

    /** The drop in percentage points (negative when the compressed model scored higher). */
    double drop() {
        return (baseline - compressed) * 100;
    }

    /**
     * Whether the drop is within the budget; a drop equal to it passes. Accuracies are fractions of whole images, so
     * a drop the budget allows exactly (92% to 91% for 1.0) can come out a few ulps over it in doubles: that
     * rounding is not a loss of accuracy.
     */
    boolean passed() {
        return drop() <= budget + 1e-9;
    }

    /** The figures, one line: baseline, compressed, drop, budget, verdict. */
    String figures() {
        return String.format(Locale.ROOT, "baseline %.2f%%, compressed %.2f%%, drop %.2f points, budget %.2f points,"
                + " on the same %d images: %s", baseline * 100, compressed * 100, drop(), budget, samples,
                passed() ? "passed" : "FAILED");
    }
}
