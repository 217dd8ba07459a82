package org.paretowb.charts.axis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Chooses an axis's ticks: the densest set of round values within the range whose labels the axis can draw apart
 * ({@code fits}: the axis measures them in its font) and that read differently. On a linear axis the steps are
 * 1, 2, 2.5 and 5 times a power of ten; on a log axis 1 to 9, then 1, 2 and 5, then 1 and 3, then 1 times each
 * decade, then every second, third… decade; a log range shorter than a decade that holds fewer than two of those
 * gets linear steps instead. Two ticks at least, wherever two can be drawn.
 */
public final class Ticks {
    private static final double[] NICE = {1, 2, 2.5, 5};
    private static final double[][] LOG_SETS = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1, 3}, {1}};

    private Ticks() {
    }

    /** The ticks of a linear axis over [lower, upper]. */
    public static List<Tick> linear(double lower, double upper, Unit unit, Predicate<List<Tick>> fits) {
        if (!(upper > lower)) {
            return List.of();
        }
        double start = Math.pow(10, Math.floor(Math.log10((upper - lower) / 100)));
        for (int decade = 0; decade < 40; decade++) {
            for (double nice : NICE) {
                double step = start * Math.pow(10, decade) * nice;
                List<Tick> ticks = distinct(linearValues(lower, upper, step), unit, step);
                if (ticks.size() > 60) {
                    continue;
                }
                if (ticks.size() < 2) { // no two round labels fit this range: two less round ones, else one
                    List<Tick> two = twoInside(lower, upper, unit, fits);
                    return !two.isEmpty() ? two : fits.test(ticks) ? ticks : List.of();
                }
                if (fits.test(ticks)) {
                    return ticks;
                }
            }
        }
        return List.of();
    }

    /**
     * Two ticks about a fifth of the span in from each end, at the coarsest rounding that keeps them apart, inside
     * the axis and readable: for a range too narrow for two round values at a readable distance.
     */
    static List<Tick> twoInside(double lower, double upper, Unit unit, Predicate<List<Tick>> fits) {
        double span = upper - lower;
        for (double resolution = Math.pow(10, Math.ceil(Math.log10(span))); resolution > span / 1e6;
             resolution /= 10) {
            double a = Math.round((lower + span / 5) / resolution) * resolution;
            double b = Math.round((upper - span / 5) / resolution) * resolution;
            if (a > lower && b < upper && b - a >= span / 3) {
                List<Tick> two = List.of(new Tick(a, unit.label(a, resolution)), new Tick(b, unit.label(b, resolution)));
                if (allDiffer(two) && fits.test(two)) {
                    return two;
                }
            }
        }
        return List.of();
    }

    /** The ticks of a logarithmic axis over [lower, upper] (both positive). */
    public static List<Tick> log(double lower, double upper, Unit unit, Predicate<List<Tick>> fits) {
        if (!(lower > 0 && upper > lower)) {
            return List.of();
        }
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        for (double[] set : LOG_SETS) {
            List<Tick> ticks = logTicks(lower, upper, first, last, 1, set, unit);
            if (ticks.size() < 2) {
                break;
            }
            if (fits.test(ticks)) {
                return ticks;
            }
        }
        for (int every = 2; every <= last - first; every++) {
            List<Tick> ticks = logTicks(lower, upper, first, last, every, LOG_SETS[3], unit);
            if (ticks.size() < 2) {
                break;
            }
            if (fits.test(ticks)) {
                return ticks;
            }
        }
        return linear(lower, upper, unit, fits);
    }

    private static List<Tick> logTicks(double lower, double upper, int first, int last, int every, double[] set,
                                       Unit unit) {
        List<Double> values = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            if (Math.floorMod(k, every) != 0) {
                continue;
            }
            double decade = Math.pow(10, k);
            for (double m : set) {
                double v = m * decade;
                if (v >= lower * (1 - 1e-12) && v <= upper * (1 + 1e-12)) {
                    values.add(v);
                }
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (double v : values) {
            ticks.add(new Tick(v, unit.label(v, Math.pow(10, Math.floor(Math.log10(v) + 1e-9)))));
        }
        return ticks;
    }

    private static List<Double> linearValues(double lower, double upper, double step) {
        List<Double> values = new ArrayList<>();
        long from = (long) Math.ceil(lower / step - 1e-9);
        long to = (long) Math.floor(upper / step + 1e-9);
        for (long i = from; i <= to && values.size() <= 61; i++) {
            values.add(i * step);
        }
        return values;
    }

    /** Labels for these values; a step the unit rounds away gets finer labels until they all differ. */
    private static List<Tick> distinct(List<Double> values, Unit unit, double step) {
        for (double resolution = step; resolution > step / 1e4; resolution /= 10) {
            List<Tick> ticks = new ArrayList<>();
            for (double v : values) {
                ticks.add(new Tick(v, unit.label(v, resolution)));
            }
            if (allDiffer(ticks)) {
                return ticks;
            }
        }
        return values.stream().map(v -> new Tick(v, unit.label(v, step / 1e4))).toList();
    }

    /** Whether no two ticks read the same. */
    public static boolean allDiffer(List<Tick> ticks) {
        return new HashSet<>(ticks.stream().map(Tick::label).toList()).size() == ticks.size();
    }
}
