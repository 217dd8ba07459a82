package org.paretowb.models.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/**
 * 2D convolution with bias. {@code groups} splits input and output channels into that many groups
 * convolved apart: a depthwise convolution has as many groups as input channels.
 */
public record Conv(int filters, Window window, int groups) implements Layer.Unary {
    public Conv {
        if (filters <= 0) {
            throw new IllegalArgumentException("a convolution needs at least one filter");
        }
        if (groups <= 0 || filters % groups != 0) {
            throw new IllegalArgumentException("a convolution's " + filters + " filters must split into its "
                    + groups + " groups");
        }
    }

    /** Square kernel, stride 1, one group. */
    public Conv(int filters, int kernel, int padding) {
        this(filters, Window.square(kernel, 1, padding), 1);
    }

    @Override
    public Block newBlock() {
        return Conv2d.builder().setKernelShape(new Shape(window.kernelH(), window.kernelW()))
                .optStride(new Shape(window.strideH(), window.strideW()))
                .optPadding(new Shape(window.padH(), window.padW()))
                .optDilation(new Shape(window.dilationH(), window.dilationW()))
                .optGroups(groups).setFilters(filters).build();
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in[0] % groups != 0) {
            throw new IllegalArgumentException("a convolution of " + groups + " groups cannot take " + in[0]
                    + " channels");
        }
        return new int[] {filters, window.outputHeight(in[1], false), window.outputWidth(in[2], false)};
    }

    @Override
    public List<long[]> parameterShapes(int[] in) {
        return List.of(new long[] {filters, in[0] / groups, window.kernelH(), window.kernelW()},
                new long[] {filters});
    }

    @Override
    public long macs(int[] in) {
        int[] out = outputShape(in);
        return (long) filters * (in[0] / groups) * window.area() * out[1] * out[2];
    }

    /** Whether each output channel sees input channels of its own group only, one per group. */
    public boolean depthwise(int inputChannels) {
        return groups > 1 && groups == inputChannels;
    }

    public Conv withFilters(int newFilters, int newGroups) {
        return new Conv(newFilters, window, newGroups);
    }

    @Override
    public String token() {
        StringBuilder t = new StringBuilder("conv").append(filters)
                .append('k').append(Window.pair(window.kernelH(), window.kernelW()))
                .append('p').append(Window.pair(window.padH(), window.padW()));
        if (!window.unitStride()) {
            t.append('s').append(Window.pair(window.strideH(), window.strideW()));
        }
        if (!window.unitDilation()) {
            t.append('d').append(Window.pair(window.dilationH(), window.dilationW()));
        }
        if (groups != 1) {
            t.append('g').append(groups);
        }
        return t.toString();
    }

    @Override
    public String stem() {
        return "conv";
    }
}
