package org.paretowb.models.network;

import java.util.Arrays;

/**
 * One named parameter array of a network, held in Java memory (row-major, as DJL lays it out).
 * Tensors are treated as immutable: every change makes a new one.
 */
public record Tensor(String name, long[] shape, float[] values) {

    public Tensor {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (expected != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs "
                    + expected + " values, got " + values.length);
        }
        shape = shape.clone();
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

    public Tensor withValues(float[] newValues) {
        return new Tensor(name, shape, newValues);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
