package org.paretowb.models.network;

/**
 * Where a convolution or pooling window goes over a (height, width) map: kernel size, stride, padding (the same
 * on both sides of an axis) and dilation, each per axis. Output sizes follow PyTorch, ceil mode included.
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, int dilationH,
                     int dilationW) {

    public Window {
        if (kernelH <= 0 || kernelW <= 0) {
            throw new IllegalArgumentException("a kernel needs a positive size, got " + kernelH + "x" + kernelW);
        }
        if (strideH <= 0 || strideW <= 0) {
            throw new IllegalArgumentException("a stride must be positive, got " + strideH + "x" + strideW);
        }
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("padding cannot be negative, got " + padH + "x" + padW);
        }
        if (dilationH <= 0 || dilationW <= 0) {
            throw new IllegalArgumentException("a dilation must be positive, got " + dilationH + "x" + dilationW);
        }
    }

    /** A square kernel with equal stride and padding on both axes, no dilation. */
    public static Window square(int kernel, int stride, int padding) {
        return new Window(kernel, kernel, stride, stride, padding, padding, 1, 1);
    }

    public int outputHeight(int height, boolean ceil) {
        return output(height, kernelH, strideH, padH, dilationH, ceil);
    }

    public int outputWidth(int width, boolean ceil) {
        return output(width, kernelW, strideW, padW, dilationW, ceil);
    }

    /** PyTorch's rule: in ceil mode the last window must start inside the input or its left padding. */
    private static int output(int size, int kernel, int stride, int pad, int dilation, boolean ceil) {
        int span = size + 2 * pad - dilation * (kernel - 1) - 1;
        if (span < 0) {
            return 0;
        }
        int out = (ceil ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
        if (ceil && (out - 1) * stride >= size + pad) {
            out--;
        }
        return out;
    }

    /** Kernel positions per output value: kernelH x kernelW. */
    public int area() {
        return kernelH * kernelW;
    }

    public boolean unitStride() {
        return strideH == 1 && strideW == 1;
    }

    public boolean unitDilation() {
        return dilationH == 1 && dilationW == 1;
    }

    /** "3" when both axes agree, else "3x1". */
    static String pair(int h, int w) {
        return h == w ? Integer.toString(h) : h + "x" + w;
    }

    /** Reads {@link #pair}'s text: {h, w}. */
    static int[] pair(String text) {
        int x = text.indexOf('x');
        return x < 0 ? new int[] {Integer.parseInt(text), Integer.parseInt(text)}
                : new int[] {Integer.parseInt(text.substring(0, x)), Integer.parseInt(text.substring(x + 1))};
    }
}
