package org.paretowb.models.network;

import ai.djl.nn.Block;
import java.util.List;

/**
 * A constant scale and shift per channel, x * scale + shift (a normalisation written into the model, a
 * multiplication or division by a constant). Its two tensors are not trained.
 */
public record Affine() implements Layer.Unary {
    @Override
    public Block newBlock() {
        return new AffineBlock();
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public List<long[]> parameterShapes(int[] in) {
        return List.of(new long[] {in[0]}, new long[] {in[0]});
    }

    @Override
    public long macs(int[] in) {
        return (long) in[0] * in[1] * in[2];
    }

    @Override
    public String token() {
        return "affine";
    }

    @Override
    public String stem() {
        return "affine";
    }
}
