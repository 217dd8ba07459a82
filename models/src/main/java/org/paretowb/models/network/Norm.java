package org.paretowb.models.network;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/** Batch normalisation over channels (gamma, beta, running mean, running variance). */
public record Norm() implements Layer.Unary {
    @Override
    public Block newBlock() {
        return BatchNorm.builder().build();
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public List<long[]> parameterShapes(int[] in) {
        long[] c = {in[0]};
        return List.of(c, c.clone(), c.clone(), c.clone());
    }

    @Override
    public long macs(int[] in) {
        return (long) in[0] * in[1] * in[2];
    }

    @Override
    public String token() {
        return "bn";
    }

    @Override
    public String stem() {
        return "bn";
    }
}
