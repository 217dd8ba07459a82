package org.paretowb.models.network;

import java.util.List;
import java.util.function.UnaryOperator;

/** All parameters of a network of a known architecture, in the order DJL's block lists them. */
public record WeightSet(Architecture architecture, List<Tensor> tensors) {

    public WeightSet {
        tensors = List.copyOf(tensors);
    }

    public long parameters() {
        return tensors.stream().mapToLong(Tensor::size).sum();
    }

    public long nonZeros() {
        return tensors.stream().mapToLong(Tensor::nonZeros).sum();
    }

    /** Number of weights a pruner may zero: those of dense and convolution layers. */
    public long prunableParameters() {
        return tensors.stream().filter(Tensor::prunable).mapToLong(Tensor::size).sum();
    }

    /** A new set in which every tensor has been replaced by {@code change} applied to it. */
    public WeightSet map(UnaryOperator<Tensor> change) {
        return new WeightSet(architecture, tensors.stream().map(change).toList());
    }
}
