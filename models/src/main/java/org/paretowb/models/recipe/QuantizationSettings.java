package org.paretowb.models.recipe;

import java.util.Locale;

/**
 * Quantization of weights to {@code bits}-bit integers with a scale (and, asymmetric, a zero point) per
 * tensor or per output channel. Accuracy is computed with the quantized values in fp32 kernels
 * (simulated); the size is that of the packed integers actually written.
 */
public record QuantizationSettings(Mode mode, int bits, boolean perChannel, boolean symmetric, int calibrationSamples,
                                   Observer observer, Int8Layers int8Layers) {
    public static final QuantizationSettings NONE = new QuantizationSettings(Mode.OFF, 8, true, true, 0);

    /**
     * How static quantization sets an activation's range from the calibration images: their minimum and
     * maximum, or their 0.01st and 99.99th percentiles, which ignore rare outliers and so keep finer steps
     * for the common values. Both ranges are widened to include zero.
     */
    public enum Observer {
        MIN_MAX, PERCENTILE;

        /** The upper percentile the percentile observer keeps. */
        public static final double PERCENTILE_KEPT = 99.99;
    }

    /**
     * What is quantized: weights only; weights and, per batch at run time, the inputs of dense layers
     * (dynamic); or weights and the inputs of every conv and dense layer with ranges calibrated by
     * min-max on {@code calibrationSamples} training images (static). Activations are 8-bit.
     */
    public enum Mode { OFF, WEIGHT, DYNAMIC, STATIC }

    public QuantizationSettings(Mode mode, int bits, boolean perChannel, boolean symmetric) {
        this(mode, bits, perChannel, symmetric, 0);
    }

    public QuantizationSettings(Mode mode, int bits, boolean perChannel, boolean symmetric, int calibrationSamples) {
        this(mode, bits, perChannel, symmetric, calibrationSamples, Observer.MIN_MAX);
    }

    public QuantizationSettings(Mode mode, int bits, boolean perChannel, boolean symmetric, int calibrationSamples,
                                Observer observer) {
        this(mode, bits, perChannel, symmetric, calibrationSamples, observer, Int8Layers.ALL);
    }

    public QuantizationSettings {
        if (mode == null) {
            throw new IllegalArgumentException("quantization needs a mode (OFF or WEIGHT)");
        }
        if (bits != 8 && bits != 4 && bits != 2) {
            throw new IllegalArgumentException("quantization bits must be 8, 4 or 2, got " + bits);
        }
        if (int8Layers == null) {
            throw new IllegalArgumentException("quantization needs the layers that run in int8 (all, auto or a list)");
        }
        if (observer == null) {
            throw new IllegalArgumentException("quantization needs an observer (min-max or percentile)");
        }
        if (mode == Mode.STATIC && calibrationSamples <= 0) {
            throw new IllegalArgumentException("static quantization needs calibration images, got " + calibrationSamples);
        }
    }

    public boolean active() {
        return mode != Mode.OFF;
    }

    public String summary() {
        String weights = String.format(Locale.ROOT, "int%d weights (%s, %s)", bits,
                perChannel ? "per channel" : "per tensor", symmetric ? "symmetric" : "asymmetric");
        return switch (mode) {
            case DYNAMIC -> weights + " + dynamic uint8 dense inputs";
            case STATIC -> weights + " + static uint8 activations (" + calibrationSamples + " calibration images, "
                    + (observer == Observer.PERCENTILE ? "percentile" : "min-max") + "; int8 layers "
                    + int8Layers.describe() + ")";
            default -> weights;
        };
    }
}
