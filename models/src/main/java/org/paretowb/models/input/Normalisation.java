package org.paretowb.models.input;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a model wants its input pixels: scaled to [0, 1], then {@code (x - mean) / std} per channel. One value
 * stands for every channel; {@link #NONE} leaves the [0, 1] pixels as they are (as the examples take them).
 */
public record Normalisation(float[] mean, float[] std) {
    public static final Normalisation NONE = new Normalisation(new float[] {0f}, new float[] {1f});

    public Normalisation {
        if (mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("a normalisation needs at least one mean and one std");
        }
        if (mean.length != std.length && mean.length != 1 && std.length != 1) {
            throw new IllegalArgumentException("mean has " + mean.length + " values and std " + std.length
                    + ": give one per channel, or one for all");
        }
        for (float s : std) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("a std must be a positive number, got " + s);
            }
        }
        for (float m : mean) {
            if (!Float.isFinite(m)) {
                throw new IllegalArgumentException("a mean must be a finite number, got " + m);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    public boolean isNone() {
        for (float m : mean) {
            if (m != 0) {
                return false;
            }
        }
        for (float s : std) {
            if (s != 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether it has a value for each of {@code channels} channels (or one for all). */
    public boolean fits(int channels) {
        return (mean.length == 1 || mean.length == channels) && (std.length == 1 || std.length == channels);
    }

    public float mean(int channel) {
        return mean[mean.length == 1 ? 0 : channel];
    }

    public float std(int channel) {
        return std[std.length == 1 ? 0 : channel];
    }

    /** "mean 0.5, std 0.25" or "mean 0.49/0.48/0.45, std ..." */
    public String describe() {
        return isNone() ? "pixels / 255" : "mean " + join(mean) + ", std " + join(std);
    }

    private static String join(float[] values) {
        StringBuilder out = new StringBuilder();
        for (float v : values) {
            out.append(out.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.4g", v));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return describe();
    }
}
