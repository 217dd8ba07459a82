package org.paretowb.models.recipe;

import java.util.Locale;

/**
 * Quantization of weights to {@code bits}-bit integers with a scale (and, asymmetric, a zero point) per
 * tensor or per output channel. Accuracy is computed with the quantized values in fp32 kernels
 * (simulated); the size is that of the packed integers actually written.
 */
public record QuantizationSettings(Mode mode, int bits, boolean perChannel, boolean symmetric) {
    public static final QuantizationSettings NONE = new QuantizationSettings(Mode.OFF, 8, true, true);

    /** What is quantized. Activation modes (dynamic, static) are not offered yet. */
    public enum Mode { OFF, WEIGHT }

    public QuantizationSettings {
        if (mode == null) {
            throw new IllegalArgumentException("quantization needs a mode (OFF or WEIGHT)");
        }
        if (bits != 8 && bits != 4 && bits != 2) {
            throw new IllegalArgumentException("quantization bits must be 8, 4 or 2, got " + bits);
        }
    }

    public boolean active() {
        return mode != Mode.OFF;
    }

    public String summary() {
        return String.format(Locale.ROOT, "int%d weights (%s, %s)", bits, perChannel ? "per channel" : "per tensor",
                symmetric ? "symmetric" : "asymmetric");
    }
}
