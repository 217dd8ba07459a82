package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;

/**
 * What one node of a network computes. A unary layer takes one tensor (a convolution, a pool, an activation);
 * a join takes two or more (a residual Add, a squeeze-and-excitation Mul, a Concat of branches). Shapes are
 * (channels, height, width), or (features, 1, 1) for what a flatten or a dense layer gives. Layers know their
 * parameters' shapes for given input shapes, so a compressor can rewrite a network and slice its tensors.
 */
public sealed interface Layer permits Layer.Unary, Layer.Join {

    /** Output shape for inputs of the given shapes; a message when they do not fit this layer. */
    int[] outputShape(List<int[]> inputs);

    /** Shapes of this layer's parameter tensors, in DJL's order, for inputs of the given shapes. */
    default List<long[]> parameterShapes(List<int[]> inputs) {
        return List.of();
    }

    /** Multiply-accumulates for one sample with inputs of the given shapes. */
    default long macs(List<int[]> inputs) {
        return 0;
    }

    /** The layer written as one token of a network description, for example {@code conv16k3p1}. */
    String token();

    /** The start of a node's default name: conv, fc, bn, relu, add, … */
    String stem();

    /** Whether the layer takes {@code count} inputs. */
    boolean accepts(int count);

    /** A layer of one input, computed by a DJL block. */
    sealed interface Unary extends Layer permits Conv, Norm, Relu, Activation, MaxPool, AvgPool, GlobalAvgPool,
            Flatten, Dense, FakeQuant, Affine {

        /** The DJL block computing this layer. */
        Block newBlock();

        int[] outputShape(int[] input);

        default List<long[]> parameterShapes(int[] input) {
            return List.of();
        }

        default long macs(int[] input) {
            return 0;
        }

        @Override
        default int[] outputShape(List<int[]> inputs) {
            return outputShape(inputs.get(0));
        }

        @Override
        default List<long[]> parameterShapes(List<int[]> inputs) {
            return parameterShapes(inputs.get(0));
        }

        @Override
        default long macs(List<int[]> inputs) {
            return macs(inputs.get(0));
        }

        @Override
        default boolean accepts(int count) {
            return count == 1;
        }
    }

    /** A layer of two or more inputs, without parameters, computed on the arrays directly. */
    sealed interface Join extends Layer permits Add, Mul, Concat {
        NDArray apply(List<NDArray> inputs);

        @Override
        default boolean accepts(int count) {
            return count >= 2;
        }
    }

}
