package org.paretowb.models.data;

/**
 * The one resize of the workbench, exact and reproducible: bilinear with half-pixel centres, bit for bit the
 * float32 values of PyTorch's {@code F.interpolate(x, size=(H, W), mode="bilinear", align_corners=False,
 * antialias=False)} on the 0..255 values (PyTorch 1.13 on the CPU, checked against a fixture it computed), then
 * rounded to the nearest 8-bit value, ties to even ({@code torch.round}), and clamped to 0..255.
 *
 * <p>Per axis, output index {@code d} reads source position {@code s = scale * (d + 0.5) - 0.5} with
 * {@code scale = float32(in) / out} in float32 and the rest in double, clamped at 0; it blends source
 * {@code i0 = floor(s)} and {@code i1 = min(i0 + 1, in - 1)} with the float32 weights {@code w1 = s - i0} (clamped to
 * [0, 1]) and {@code w0 = 1 - w1}. An axis of the same size is copied. An output pixel is the sum over its four
 * source pixels of {@code pixel * float32(wy * wx)}, summed exactly, then rounded to float32 (PyTorch's value), then
 * to 8 bits. Downscaling does not average (no antialiasing), as PyTorch's default does not.
 */
public final class ImageResize {
    /** How descriptions name it. */
    public static final String METHOD = "bilinear";

    private ImageResize() {
    }

    /** One axis: for each output index, its two source indices and their weights. */
    private record Axis(int[] i0, int[] i1, float[] w0, float[] w1) {
        static Axis of(int in, int out) {
            int[] i0 = new int[out];
            int[] i1 = new int[out];
            float[] w0 = new float[out];
            float[] w1 = new float[out];
            float scale = (float) in / (float) out;
            for (int d = 0; d < out; d++) {
                if (in == out) {
                    i0[d] = d;
                    i1[d] = d;
                    w0[d] = 1f;
                    continue;
                }
                double s = Math.max(0, scale * (d + 0.5) - 0.5);
                int low = (int) s;
                i0[d] = low;
                i1[d] = low < in - 1 ? low + 1 : low;
                w1[d] = Math.min(Math.max((float) (s - low), 0f), 1f);
                w0[d] = 1f - w1[d];
            }
            return new Axis(i0, i1, w0, w1);
        }
    }

    /**
     * The plane of {@code rows x cols} bytes at {@code offset} in {@code pixels}, resized to {@code toRows x toCols}
     * bytes.
     */
    public static byte[] bilinear(byte[] pixels, int offset, int rows, int cols, int toRows, int toCols) {
        float[] values = values(pixels, offset, rows, cols, toRows, toCols);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) Math.min(255, Math.max(0, (int) Math.rint(values[i])));
        }
        return out;
    }

    /** The float32 values PyTorch computes before they are rounded to bytes (for checking against PyTorch). */
    public static float[] values(byte[] pixels, int offset, int rows, int cols, int toRows, int toCols) {
        if (rows <= 0 || cols <= 0 || toRows <= 0 || toCols <= 0) {
            throw new IllegalArgumentException("cannot resize " + rows + "x" + cols + " to " + toRows + "x" + toCols);
        }
        Axis ys = Axis.of(rows, toRows);
        Axis xs = Axis.of(cols, toCols);
        float[] out = new float[toRows * toCols];
        for (int y = 0; y < toRows; y++) {
            int row0 = offset + ys.i0[y] * cols;
            int row1 = offset + ys.i1[y] * cols;
            for (int x = 0; x < toCols; x++) {
                int x0 = xs.i0[x];
                int x1 = xs.i1[x];
                double sum = (pixels[row0 + x0] & 0xff) * (double) (ys.w0[y] * xs.w0[x])
                        + (pixels[row0 + x1] & 0xff) * (double) (ys.w0[y] * xs.w1[x])
                        + (pixels[row1 + x0] & 0xff) * (double) (ys.w1[y] * xs.w0[x])
                        + (pixels[row1 + x1] & 0xff) * (double) (ys.w1[y] * xs.w1[x]);
                out[y * toCols + x] = (float) sum;
            }
        }
        return out;
    }
}
