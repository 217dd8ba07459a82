package org.paretowb.models.network;

import java.util.Arrays;

/**
 * One named parameter array of a network, held in Java memory (row-major, as DJL lays it out).
 * Tensors are treated as immutable: every change makes a new one. A quantized tensor's values lie on
 * the integer grid its {@code quantization} describes; for others it is null.
 */
public record Tensor(String name, long[] shape, float[] values, Quantization quantization) {

    public Tensor(String name, long[] shape, float[] values) {
        this(name, shape, values, null);
    }

    public Tensor {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (expected != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs "
                    + expected + " values, got " + values.length);
        }
        shape = shape.clone();
        if (quantization != null && quantization.perChannel() && quantization.groups() != shape[0]) {
            throw new IllegalArgumentException(name + ": " + quantization.groups() + " channel scales for "
                    + shape[0] + " channels");
        }
    }

    /** The quantization group of element {@code index}: its output channel, or 0 per tensor. */
    public int groupOf(int index) {
        return quantization == null || !quantization.perChannel() ? 0 : index / (values.length / (int) shape[0]);
    }

    /** Weights of dense and convolution layers (rank 2 and more) are pruned; biases and norms are not. */
    public boolean prunable() {
        return shape.length >= 2;
    }

    public int size() {
        return values.length;
    }

    public long nonZeros() {
        long n = 0;
        for (float v : values) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }

    /**
     * The tensor restricted to the given indices along one axis (in the given order), as when a layer
     * loses channels: {@code select(0, keep)} keeps output channels, {@code select(1, keep)} input ones.
     */
    public Tensor select(int axis, int[] keep) {
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        long inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        long[] newShape = shape.clone();
        newShape[axis] = keep.length;
        float[] out = new float[(int) (outer * keep.length * inner)];
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (int k : keep) {
                if (k < 0 || k >= shape[axis]) {
                    throw new IllegalArgumentException(name + ": index " + k + " outside axis " + axis);
                }
                System.arraycopy(values, (int) ((o * shape[axis] + k) * inner), out, at, (int) inner);
                at += (int) inner;
            }
        }
        return new Tensor(name, newShape, out);
    }

    /** New values; any quantization is dropped, since new values need not lie on its grid. */
    public Tensor withValues(float[] newValues) {
        return new Tensor(name, shape, newValues);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
