package org.paretowb.models.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;

/** Max pooling; {@code ceil} rounds the output size up as PyTorch's ceil mode does. */
public record MaxPool(Window window, boolean ceil) implements Layer.Unary {
    public MaxPool {
        if (!window.unitDilation()) {
            throw new IllegalArgumentException("a pooling window cannot be dilated");
        }
    }

    /** A square window with an equal stride, no padding. */
    public MaxPool(int size) {
        this(Window.square(size, size, 0), false);
    }

    @Override
    public Block newBlock() {
        return Pool.maxPool2dBlock(new Shape(window.kernelH(), window.kernelW()),
                new Shape(window.strideH(), window.strideW()), new Shape(window.padH(), window.padW()), ceil);
    }

    @Override
    public int[] outputShape(int[] in) {
        return new int[] {in[0], window.outputHeight(in[1], ceil), window.outputWidth(in[2], ceil)};
    }

    @Override
    public String token() {
        return "maxpool" + PoolText.write(window, ceil, false);
    }

    @Override
    public String stem() {
        return "maxpool";
    }
}
