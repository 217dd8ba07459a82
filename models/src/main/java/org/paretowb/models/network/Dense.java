package org.paretowb.models.network;

import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.List;

/** Fully connected layer with bias; takes features (after a flatten). */
public record Dense(int units) implements Layer.Unary {
    public Dense {
        if (units <= 0) {
            throw new IllegalArgumentException("a dense layer needs at least one unit");
        }
    }

    @Override
    public Block newBlock() {
        return Linear.builder().setUnits(units).build();
    }

    @Override
    public int[] outputShape(int[] in) {
        return new int[] {units, 1, 1};
    }

    @Override
    public List<long[]> parameterShapes(int[] in) {
        return List.of(new long[] {units, (long) in[0] * in[1] * in[2]}, new long[] {units});
    }

    @Override
    public long macs(int[] in) {
        return (long) units * in[0] * in[1] * in[2];
    }

    @Override
    public String token() {
        return "dense" + units;
    }

    @Override
    public String stem() {
        return "fc";
    }
}
