package org.paretowb.models.network;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** A network description and all its parameters, in the order DJL's block lists them. */
public record WeightSet(NetworkSpec spec, List<Tensor> tensors) {

    public WeightSet {
        tensors = List.copyOf(tensors);
        List<long[]> expected = spec.parameterShapes();
        if (expected.size() != tensors.size()) {
            throw new IllegalArgumentException("network " + spec.describe() + " has " + expected.size()
                    + " parameter tensors, got " + tensors.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i), tensors.get(i).shape())) {
                throw new IllegalArgumentException("tensor " + tensors.get(i) + " should have shape "
                        + Arrays.toString(expected.get(i)) + " in " + spec.describe());
            }
        }
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
        return new WeightSet(spec, tensors.stream().map(change).toList());
    }
}
