package org.paretowb.models.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;

/**
 * Average pooling; {@code countPadding} divides by the whole window also where it overlaps the padding
 * (PyTorch's default, ONNX's count_include_pad).
 */
public record AvgPool(Window window, boolean ceil, boolean countPadding) implements Layer.Unary {
    public AvgPool {
        if (!window.unitDilation()) {
            throw new IllegalArgumentException("a pooling window cannot be dilated");
        }
    }

    /** A square window with an equal stride, no padding. */
    public AvgPool(int size) {
        this(Window.square(size, size, 0), false, false);
    }

    @Override
    public Block newBlock() {
        return Pool.avgPool2dBlock(new Shape(window.kernelH(), window.kernelW()),
                new Shape(window.strideH(), window.strideW()), new Shape(window.padH(), window.padW()), ceil,
                countPadding);
    }

    @Override
    public int[] outputShape(int[] in) {
        return new int[] {in[0], window.outputHeight(in[1], ceil), window.outputWidth(in[2], ceil)};
    }

    @Override
    public String token() {
        return "avgpool" + PoolText.write(window, ceil, countPadding);
    }

    @Override
    public String stem() {
        return "avgpool";
    }
}
