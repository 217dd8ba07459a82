package org.paretowb.services.onnx;

/** Symmetric int8 codes of a weight tensor (zero point 0), with one scale per output channel or one in all. */
record Int8Weights(byte[] codes, float[] scales) {

    /** Per output channel: rows of {@code values.length / channels} values, scale = max |w| / 127. */
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
        float scale = max > 0 ? max / 127f : 1f;
        for (int k = from; k < from + count; k++) {
            codes[k] = (byte) Math.max(-127, Math.min(127, Math.round(values[k] / scale)));
        }
        return scale;
    }
}
