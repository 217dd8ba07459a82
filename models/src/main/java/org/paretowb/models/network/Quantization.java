package org.paretowb.models.network;

/**
 * How a tensor's values sit on an integer grid: value = (code - zeroPoint) * scale, with unsigned codes
 * of {@code bits} bits, and one scale and zero point per group (the whole tensor, or each slice along
 * axis 0 when per channel).
 */
public record Quantization(int bits, boolean perChannel, float[] scales, int[] zeroPoints) {

    public Quantization {
        if (bits < 1 || bits > 8) {
            throw new IllegalArgumentException("codes of " + bits + " bits are not supported");
        }
        if (scales.length != zeroPoints.length || scales.length == 0) {
            throw new IllegalArgumentException("one scale and one zero point per group are needed");
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    public int groups() {
        return scales.length;
    }

    public int maxCode() {
        return (1 << bits) - 1;
    }

    /** The code of a value already on the grid of group {@code g}. */
    public int code(float value, int g) {
        return Math.round(value / scales[g]) + zeroPoints[g];
    }

    public float value(int code, int g) {
        return (code - zeroPoints[g]) * scales[g];
    }
}
