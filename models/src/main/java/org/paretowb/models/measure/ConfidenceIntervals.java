package org.paretowb.models.measure;

import java.util.Arrays;

/**
 * The 95% confidence intervals the workbench shows beside its figures.
 *
 * <p><b>Median</b> (batch-1 p50): the distribution-free order-statistic interval. For n independent values the
 * number of them below the true median is Binomial(n, 1/2), so the k-th smallest and the k-th largest value
 * enclose the median with probability {@code 1 - 2 P(B <= k - 1)}; k is the largest rank for which that is at
 * least 95%. It assumes nothing about the shape of the timing distribution (latencies are skewed, with a long
 * right tail), only independence; the latency probe applies it to the medians of rounds of consecutive runs,
 * not to single runs, because consecutive runs are not independent (a busy core slows a stretch of them).
 *
 * <p><b>Proportion</b> (top-1 accuracy on a subset): the Wilson score interval, which stays inside [0, 1] and
 * keeps its coverage near 0 and 1 where the normal approximation does not.
 */
public final class ConfidenceIntervals {
    /** The confidence of every interval shown. */
    public static final double LEVEL = 0.95;
    /** The standard normal quantile for two-sided 95%. */
    public static final double Z95 = 1.959963984540054;
    /** The fewest values for which the order-statistic interval of the median reaches 95% (n = 6: 96.9%). */
    public static final int MEDIAN_MIN_VALUES = 6;

    private ConfidenceIntervals() {
    }

    /**
     * The 1-based rank k of the lower end of the 95% order-statistic interval of the median of n values; the upper
     * end is the value of rank {@code n + 1 - k}. 0 when n is below {@link #MEDIAN_MIN_VALUES} (no pair of
     * order statistics reaches 95%).
     */
    public static int medianRank(int n) {
        int k = 0;
        double below = 0; // P(B <= k - 1) for the k being tried
        double[] pmf = binomialHalf(n);
        while (k + 1 <= n / 2) {
            double next = below + pmf[k]; // P(B <= k)
            if (1 - 2 * next < LEVEL) {
                break;
            }
            below = next;
            k++;
        }
        return k;
    }

    /** The confidence of the interval between the values of rank k and n + 1 - k: {@code 1 - 2 P(B <= k - 1)}. */
    public static double medianCoverage(int n, int k) {
        if (k < 1 || 2 * k > n + 1) {
            throw new IllegalArgumentException("rank " + k + " is not a lower rank of " + n + " values");
        }
        double[] pmf = binomialHalf(n);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += pmf[i];
        }
        return 1 - 2 * below;
    }

    /**
     * The 95% interval of the median of {@code values}; null when there are fewer than {@link #MEDIAN_MIN_VALUES}.
     */
    public static Interval median(double[] values) {
        int k = medianRank(values.length);
        if (k == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(sorted[k - 1], sorted[values.length - k]);
    }

    /** The Wilson score 95% interval of a proportion of {@code successes} in {@code n} trials. */
    public static Interval wilson(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= n and n > 0, got " + successes
                    + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** P(B = i) for B ~ Binomial(n, 1/2), i = 0..n, computed in logarithms (2^-n underflows beyond n = 1074). */
    private static double[] binomialHalf(int n) {
        double[] pmf = new double[n + 1];
        double logChoose = 0;
        double logHalfPowN = -n * Math.log(2);
        for (int i = 0; i <= n; i++) {
            pmf[i] = Math.exp(logChoose + logHalfPowN);
            logChoose += Math.log(n - i) - Math.log(i + 1.0);
        }
        return pmf;
    }
}
