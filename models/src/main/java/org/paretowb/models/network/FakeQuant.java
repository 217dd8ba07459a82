package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * Quantize-dequantize of the activations flowing into the next layer, on an unsigned grid of
 * {@code bits} bits that includes zero: with {@code dynamic}, the range is each batch's own min and
 * max (as PyTorch's dynamic quantization does); otherwise the calibrated {@code min} and {@code max}.
 * It simulates integer activations in fp32 kernels.
 */
public record FakeQuant(int bits, boolean dynamic, float min, float max) implements Layer.Unary {
    public FakeQuant {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("activation bits must be 2 to 8, got " + bits);
        }
        if (!dynamic && !(min <= 0 && max >= 0)) {
            throw new IllegalArgumentException("a calibrated range must include zero, got [" + min + ", " + max + "]");
        }
    }

    @Override
    public Block newBlock() {
        int levels = (1 << bits) - 1;
        return new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            float low = dynamic ? Math.min(0f, x.min().getFloat()) : min;
            float high = dynamic ? Math.max(0f, x.max().getFloat()) : max;
            float scale = (high - low) / levels;
            if (!(scale > 0)) {
                return list;
            }
            float zeroPoint = Math.round(-low / scale);
            NDArray codes = x.div(scale).round().add(zeroPoint).clip(0, levels);
            return new NDList(codes.sub(zeroPoint).mul(scale));
        }, "fakequant");
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public String token() {
        return dynamic ? "qdyn" + bits : "qsta" + bits + "[" + min + "," + max + "]";
    }

    @Override
    public String stem() {
        return "q";
    }
}
