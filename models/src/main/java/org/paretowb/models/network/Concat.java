package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/** The inputs' channels one after another (the maps must be of one height and width). */
public record Concat() implements Layer.Join {
    @Override
    public int[] outputShape(List<int[]> inputs) {
        int channels = 0;
        for (int[] in : inputs) {
            if (in[1] != inputs.get(0)[1] || in[2] != inputs.get(0)[2]) {
                throw new IllegalArgumentException("a concatenation needs maps of one size, got "
                        + Broadcast.describe(inputs));
            }
            channels += in[0];
        }
        return new int[] {channels, inputs.get(0)[1], inputs.get(0)[2]};
    }

    @Override
    public NDArray apply(List<NDArray> inputs) {
        return NDArrays.concat(new NDList(inputs), 1);
    }

    @Override
    public String token() {
        return "concat";
    }

    @Override
    public String stem() {
        return "concat";
    }
}
