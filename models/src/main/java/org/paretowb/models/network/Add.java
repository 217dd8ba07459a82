package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Element-wise sum; a (C, 1, 1) input broadcasts over a (C, H, W) one. */
public record Add() implements Layer.Join {
    @Override
    public int[] outputShape(List<int[]> inputs) {
        return Broadcast.shape(inputs, "an add");
    }

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            sum = sum.add(inputs.get(i));
        }
        return sum;
    }

    @Override
    public String token() {
        return "add";
    }

    @Override
    public String stem() {
        return "add";
    }
}
