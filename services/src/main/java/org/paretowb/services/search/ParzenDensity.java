package org.paretowb.services.search;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One dimension's density in a tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kégl, "Algorithms
 * for Hyper-Parameter Optimization", NIPS 2011, section 4): for a numeric knob a mixture of Gaussians, one on each
 * observed value and one wide prior on the middle of the range, each Gaussian's width the larger distance to its
 * neighbours (clipped to between the range over min(100, n + 1) and the whole range), truncated to the range; for a
 * categorical knob the observed frequencies with one pseudo-count per choice. Log ranges are modelled on the log
 * scale; ordinal knobs on their choices' indices, a choice's probability the mixture's mass within half a step of it.
 */
final class ParzenDensity {
    private final Knob knob;
    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] masses;
    private final double[] categorical;

    ParzenDensity(Knob knob, List<Double> observed) {
        this.knob = knob;
        if (knob.kind() == Knob.Kind.CATEGORICAL) {
            categorical = new double[knob.choices()];
            Arrays.fill(categorical, 1.0);
            for (double c : observed) {
                categorical[(int) Math.round(c)] += 1;
            }
            double sum = Arrays.stream(categorical).sum();
            for (int i = 0; i < categorical.length; i++) {
                categorical[i] /= sum;
            }
            low = high = 0;
            mus = sigmas = masses = new double[0];
            return;
        }
        categorical = null;
        low = knob.kind() == Knob.Kind.ORDINAL ? -0.5 : scale(knob.low());
        high = knob.kind() == Knob.Kind.ORDINAL ? knob.choices() - 0.5 : scale(knob.high());
        double width = Math.max(high - low, 1e-12);
        int n = observed.size();
        double[] points = new double[n + 1];
        for (int i = 0; i < n; i++) {
            points[i] = scale(observed.get(i));
        }
        points[n] = (low + high) / 2; // the prior
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        mus = points;
        sigmas = new double[n + 1];
        masses = new double[n + 1];
        double floor = width / Math.min(100, n + 1);
        for (int i = 0; i <= n; i++) {
            double sigma;
            if (i == n) {
                sigma = width;
            } else {
                int at = Arrays.binarySearch(sorted, points[i]);
                double left = at > 0 ? sorted[at - 1] : low;
                double right = at < n ? sorted[at + 1] : high;
                sigma = Math.max(points[i] - left, right - points[i]);
            }
            sigmas[i] = Math.min(width, Math.max(floor, sigma));
            masses[i] = Math.max(1e-12, Normal.cdf((high - mus[i]) / sigmas[i]) - Normal.cdf((low - mus[i]) / sigmas[i]));
        }
    }

    /** A coordinate drawn from the density, rounded as candidates are. */
    double sample(Random random) {
        if (categorical != null) {
            double u = random.nextDouble();
            for (int i = 0; i < categorical.length; i++) {
                u -= categorical[i];
                if (u < 0) {
                    return i;
                }
            }
            return categorical.length - 1;
        }
        int k = random.nextInt(mus.length);
        double x = mus[k];
        for (int t = 0; t < 100; t++) {
            double d = mus[k] + sigmas[k] * random.nextGaussian();
            if (d >= low && d <= high) {
                x = d;
                break;
            }
        }
        return knob.kind() == Knob.Kind.ORDINAL ? knob.round(x) : knob.round(unscale(x));
    }

    /** The log of the density (of the probability, for a discrete knob) at a coordinate. */
    double logDensity(double coordinate) {
        if (categorical != null) {
            return Math.log(categorical[(int) Math.round(coordinate)]);
        }
        double sum = 0;
        if (knob.kind() == Knob.Kind.ORDINAL) {
            double a = coordinate - 0.5;
            double b = coordinate + 0.5;
            for (int i = 0; i < mus.length; i++) {
                sum += (Normal.cdf((b - mus[i]) / sigmas[i]) - Normal.cdf((a - mus[i]) / sigmas[i])) / masses[i];
            }
        } else {
            double x = scale(coordinate);
            for (int i = 0; i < mus.length; i++) {
                sum += Normal.pdf((x - mus[i]) / sigmas[i]) / sigmas[i] / masses[i];
            }
        }
        return Math.log(Math.max(sum / mus.length, 1e-300));
    }

    private double scale(double v) {
        return knob.kind() == Knob.Kind.RANGE && knob.log() ? Math.log(v) : v;
    }

    private double unscale(double v) {
        return knob.kind() == Knob.Kind.RANGE && knob.log() ? Math.exp(v) : v;
    }

    /** The standard normal distribution. */
    static final class Normal {
        private Normal() {
        }

        static double pdf(double z) {
            return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        }

        /** Φ(z) through erf (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
        static double cdf(double z) {
            double x = Math.abs(z) / Math.sqrt(2);
            double t = 1 / (1 + 0.3275911 * x);
            double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                    + t * 1.061405429)))) * Math.exp(-x * x);
            return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
        }
    }
}
