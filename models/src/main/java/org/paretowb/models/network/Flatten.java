package org.paretowb.models.network;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;

/** Flattens (channels, height, width) into features, channel after channel. */
public record Flatten() implements Layer.Unary {
    @Override
    public Block newBlock() {
        return Blocks.batchFlattenBlock();
    }

    @Override
    public int[] outputShape(int[] in) {
        return new int[] {in[0] * in[1] * in[2], 1, 1};
    }

    @Override
    public String token() {
        return "flatten";
    }

    @Override
    public String stem() {
        return "flatten";
    }
}
