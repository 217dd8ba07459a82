package org.paretowb.services.onnx;

/** Symmetric int8 codes of a weight tensor (zero point 0, codes within ±{@value #MAX}), with one scale per output channel or one in all. */
record Int8Weights(byte[] codes, float[] scales) {
    /**
     * Weight codes use 7 bits of the int8 range ("reduce range" in ONNX Runtime's quantizer). Without VNNI,
     * x86 int8 kernels multiply uint8 by int8 and add pairs in 16 bits, which saturates with full-range
     * codes. Measured here (AVX2, no VNNI), static int8 everywhere: wide CNN 91.63% with codes up to 127,
     * 92.38% with codes up to 63 (fp32 92.41%); CNN 91.72% and 91.97% (fp32 92.02%); no slower.
     */
    static final int MAX = 63;

    /** Per output channel: rows of {@code values.length / channels} values, scale = max |w| / {@value #MAX}. */
    static Int8Weights perChannel(float[] values, int channels) {
        int per = values.length / channels;
        byte[] codes = new byte[values.length];
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = encode(values, c * per, per, codes);
        }
        return new Int8Weights(codes, scales);
    }

    static Int8Weights perTensor(float[] values) {
        byte[] codes = new byte[values.length];
        return new Int8Weights(codes, new float[] {encode(values, 0, values.length, codes)});
    }

    private static float encode(float[] values, int from, int count, byte[] codes) {
        float max = 0;
        for (int k = from; k < from + count; k++) {
            max = Math.max(max, Math.abs(values[k]));
        }
        float scale = max > 0 ? max / MAX : 1f;
        for (int k = from; k < from + count; k++) {
            codes[k] = (byte) Math.max(-MAX, Math.min(MAX, Math.round(values[k] / scale)));
        }
        return scale;
    }
}
