package org.paretowb.models.network;

import ai.djl.nn.Block;

/** Rectified linear unit, max(x, 0). */
public record Relu() implements Layer.Unary {
    @Override
    public Block newBlock() {
        return ai.djl.nn.Activation.reluBlock();
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public String token() {
        return "relu";
    }

    @Override
    public String stem() {
        return "relu";
    }
}
