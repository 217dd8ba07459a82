package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One dimension of a search space: a continuous range (optionally on a log scale), an ordered list of numbers, or a
 * list of named choices. A candidate holds one coordinate per knob: the value itself for a range, the index of the
 * choice for the other two (so that every strategy works on numbers).
 *
 * @param steps how many evenly spaced values of a range the grid strategy takes (ends included)
 */
public record Knob(String name, Kind kind, double low, double high, boolean log, int steps, List<Double> values,
                   List<String> labels) {

    /** What kind of dimension a knob is. */
    public enum Kind { RANGE, ORDINAL, CATEGORICAL }

    public Knob {
        if (name == null || name.isBlank() || kind == null) {
            throw new IllegalArgumentException("a knob needs a name and a kind");
        }
        values = values == null ? List.of() : List.copyOf(values);
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (kind == Kind.RANGE) {
            if (!(low <= high) || Double.isNaN(low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException(name + ": a range needs min <= max, got " + low + " and " + high);
            }
            if (log && low <= 0) {
                throw new IllegalArgumentException(name + ": a log range needs min > 0, got " + low);
            }
            if (steps < 1) {
                throw new IllegalArgumentException(name + ": a range needs at least 1 grid step, got " + steps);
            }
        }
        if (kind == Kind.ORDINAL && values.isEmpty() || kind == Kind.CATEGORICAL && labels.isEmpty()) {
            throw new IllegalArgumentException(name + ": a list of choices needs at least one value");
        }
    }

    public static Knob range(String name, double low, double high, boolean log, int steps) {
        return new Knob(name, Kind.RANGE, low, high, log, steps, List.of(), List.of());
    }

    public static Knob ordinal(String name, List<Double> values) {
        return new Knob(name, Kind.ORDINAL, 0, 0, false, values.size(), values, List.of());
    }

    public static Knob categorical(String name, List<String> labels) {
        return new Knob(name, Kind.CATEGORICAL, 0, 0, false, labels.size(), List.of(), labels);
    }

    /** How many choices a discrete knob has (0 for a range). */
    public int choices() {
        return switch (kind) {
            case RANGE -> 0;
            case ORDINAL -> values.size();
            case CATEGORICAL -> labels.size();
        };
    }

    /** The number a coordinate stands for (a range's value, an ordinal choice's value); NaN for a categorical one. */
    public double number(double coordinate) {
        return switch (kind) {
            case RANGE -> coordinate;
            case ORDINAL -> values.get(index(coordinate));
            case CATEGORICAL -> Double.NaN;
        };
    }

    /** The label a categorical coordinate stands for. */
    public String label(double coordinate) {
        return kind == Kind.CATEGORICAL ? labels.get(index(coordinate)) : format(number(coordinate));
    }

    private int index(double coordinate) {
        int i = (int) Math.round(coordinate);
        if (i < 0 || i >= choices()) {
            throw new IllegalArgumentException(name + ": no choice " + coordinate + " among " + choices());
        }
        return i;
    }

    /** A coordinate drawn uniformly (log-uniformly for a log range), rounded as candidates are. */
    public double uniform(Random random) {
        if (kind != Kind.RANGE) {
            return random.nextInt(choices());
        }
        double u = random.nextDouble();
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        return round(v);
    }

    /** The coordinates the grid takes, in order. */
    public List<Double> grid() {
        List<Double> out = new ArrayList<>();
        if (kind != Kind.RANGE) {
            for (int i = 0; i < choices(); i++) {
                out.add((double) i);
            }
            return out;
        }
        if (steps == 1 || low == high) {
            return List.of(round(low));
        }
        for (int i = 0; i < steps; i++) {
            double t = (double) i / (steps - 1);
            double v = log ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low))) : low + t * (high - low);
            out.add(round(Math.min(high, Math.max(low, v))));
        }
        return out;
    }

    /**
     * A range's value kept to 3 decimals (4 significant digits on a log scale), inside the range, so that candidates
     * read plainly in recipes and two draws a thousandth apart are the same candidate; other coordinates as indices.
     */
    public double round(double v) {
        if (kind != Kind.RANGE) {
            return Math.max(0, Math.min(choices() - 1, Math.round(v)));
        }
        double r;
        if (log) {
            r = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
        } else {
            r = Math.round(v * 1000) / 1000.0;
        }
        return Math.max(low, Math.min(high, r));
    }

    /** This knob with a range replaced by the ordered values of its grid (the others unchanged). */
    public Knob discretised() {
        return kind == Kind.RANGE ? ordinal(name, grid()) : this;
    }

    static String format(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
