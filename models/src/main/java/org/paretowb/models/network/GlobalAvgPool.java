package org.paretowb.models.network;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/** The mean of each channel over the whole map: (C, H, W) to (C, 1, 1). */
public record GlobalAvgPool() implements Layer.Unary {
    @Override
    public Block newBlock() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().mean(new int[] {3}, true).mean(new int[] {2}, true)),
                "gap");
    }

    @Override
    public int[] outputShape(int[] in) {
        return new int[] {in[0], 1, 1};
    }

    @Override
    public String token() {
        return "gap";
    }

    @Override
    public String stem() {
        return "gap";
    }
}
