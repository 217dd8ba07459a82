package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Element-wise product, as a squeeze-and-excitation block scales its channels: (C, 1, 1) broadcasts. */
public record Mul() implements Layer.Join {
    @Override
    public int[] outputShape(List<int[]> inputs) {
        return Broadcast.shape(inputs, "a multiplication");
    }

    @Override
    public long macs(List<int[]> inputs) {
        int[] out = outputShape(inputs);
        return (long) out[0] * out[1] * out[2];
    }

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray product = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            product = product.mul(inputs.get(i));
        }
        return product;
    }

    @Override
    public String token() {
        return "mul";
    }

    @Override
    public String stem() {
        return "mul";
    }
}
