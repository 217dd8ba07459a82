package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
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

    /**
     * 2D convolution with bias. {@code groups} splits input and output channels into that many groups
     * convolved apart: a depthwise convolution has as many groups as input channels.
     */
    record Conv(int filters, Window window, int groups) implements Unary {
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

    /** Batch normalisation over channels (gamma, beta, running mean, running variance). */
    record Norm() implements Unary {
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

    /**
     * A constant scale and shift per channel, x * scale + shift (a normalisation written into the model, a
     * multiplication or division by a constant). Its two tensors are not trained.
     */
    record Affine() implements Unary {
        @Override
        public Block newBlock() {
            return new AffineBlock();
        }

        @Override
        public int[] outputShape(int[] in) {
            return in.clone();
        }

        @Override
        public List<long[]> parameterShapes(int[] in) {
            return List.of(new long[] {in[0]}, new long[] {in[0]});
        }

        @Override
        public long macs(int[] in) {
            return (long) in[0] * in[1] * in[2];
        }

        @Override
        public String token() {
            return "affine";
        }

        @Override
        public String stem() {
            return "affine";
        }
    }

    /** Rectified linear unit, max(x, 0). */
    record Relu() implements Unary {
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

    /**
     * An element-wise activation other than ReLU: leaky ReLU (x for x >= 0, a x below), sigmoid, tanh, clip to
     * [a, b] (ReLU6 is clip to [0, 6]), hard sigmoid max(0, min(1, a x + b)) and hard swish x hardsigmoid(x) with
     * a = 1/6, b = 1/2. It acts on each channel alone, so structured pruning passes channel removal through it.
     */
    record Activation(Kind kind, float a, float b) implements Unary {
        /** The functions, each with its token in a network description. */
        public enum Kind {
            LEAKY_RELU("leakyrelu"), SIGMOID("sigmoid"), TANH("tanh"), CLIP("clip"), HARD_SIGMOID("hardsigmoid"),
            HARD_SWISH("hardswish");

            private final String token;

            Kind(String token) {
                this.token = token;
            }

            public String token() {
                return token;
            }
        }

        public Activation {
            if (kind == null) {
                throw new IllegalArgumentException("an activation needs a kind");
            }
            switch (kind) {
                case SIGMOID, TANH, HARD_SWISH -> {
                    a = 0;
                    b = 0;
                }
                case LEAKY_RELU -> b = 0;
                default -> { }
            }
            if (!Float.isFinite(a) || !Float.isFinite(b)) {
                throw new IllegalArgumentException("an activation's constants must be finite numbers, got " + a
                        + " and " + b);
            }
            if (kind == Kind.CLIP && a > b) {
                throw new IllegalArgumentException("a clip's minimum " + a + " is above its maximum " + b);
            }
        }

        public static Activation leakyRelu(float alpha) {
            return new Activation(Kind.LEAKY_RELU, alpha, 0);
        }

        public static Activation sigmoid() {
            return new Activation(Kind.SIGMOID, 0, 0);
        }

        public static Activation tanh() {
            return new Activation(Kind.TANH, 0, 0);
        }

        public static Activation clip(float min, float max) {
            return new Activation(Kind.CLIP, min, max);
        }

        public static Activation hardSigmoid(float alpha, float beta) {
            return new Activation(Kind.HARD_SIGMOID, alpha, beta);
        }

        public static Activation hardSwish() {
            return new Activation(Kind.HARD_SWISH, 0, 0);
        }

        /** A leaky ReLU's slope below zero. */
        public float alpha() {
            return a;
        }

        @Override
        public Block newBlock() {
            return switch (kind) {
                case LEAKY_RELU -> ai.djl.nn.Activation.leakyReluBlock(a);
                case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
                case TANH -> ai.djl.nn.Activation.tanhBlock();
                case CLIP -> new LambdaBlock(x -> new NDList(x.singletonOrThrow().clip(a, b)), "clip");
                case HARD_SIGMOID -> new LambdaBlock(x -> new NDList(
                        x.singletonOrThrow().mul(a).add(b).clip(0, 1)), "hardsigmoid");
                case HARD_SWISH -> new LambdaBlock(x -> {
                    NDArray v = x.singletonOrThrow();
                    return new NDList(v.mul(v.add(3).clip(0, 6)).div(6));
                }, "hardswish");
            };
        }

        @Override
        public int[] outputShape(int[] in) {
            return in.clone();
        }

        /** {@code leakyrelu0.01}, {@code sigmoid}, {@code tanh}, {@code clip[0.0,6.0]}, … */
        @Override
        public String token() {
            return switch (kind) {
                case LEAKY_RELU -> kind.token() + a;
                case CLIP, HARD_SIGMOID -> kind.token() + "[" + a + "," + b + "]";
                default -> kind.token();
            };
        }

        @Override
        public String stem() {
            return kind.token();
        }
    }

    /** Max pooling; {@code ceil} rounds the output size up as PyTorch's ceil mode does. */
    record MaxPool(Window window, boolean ceil) implements Unary {
        public MaxPool {
            if (!window.unitDilation()) {
                throw new IllegalArgumentException("a pooling window cannot be dilated");
            }
        }

        /** A square window with an equal stride, no padding. */
        public MaxPool(int size) {
            this(Window.square(size, size, 0), false);
        }

        @Override
        public Block newBlock() {
            return Pool.maxPool2dBlock(new Shape(window.kernelH(), window.kernelW()),
                    new Shape(window.strideH(), window.strideW()), new Shape(window.padH(), window.padW()), ceil);
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {in[0], window.outputHeight(in[1], ceil), window.outputWidth(in[2], ceil)};
        }

        @Override
        public String token() {
            return "maxpool" + PoolText.write(window, ceil, false);
        }

        @Override
        public String stem() {
            return "maxpool";
        }
    }

    /**
     * Average pooling; {@code countPadding} divides by the whole window also where it overlaps the padding
     * (PyTorch's default, ONNX's count_include_pad).
     */
    record AvgPool(Window window, boolean ceil, boolean countPadding) implements Unary {
        public AvgPool {
            if (!window.unitDilation()) {
                throw new IllegalArgumentException("a pooling window cannot be dilated");
            }
        }

        /** A square window with an equal stride, no padding. */
        public AvgPool(int size) {
            this(Window.square(size, size, 0), false, false);
        }

        @Override
        public Block newBlock() {
            return Pool.avgPool2dBlock(new Shape(window.kernelH(), window.kernelW()),
                    new Shape(window.strideH(), window.strideW()), new Shape(window.padH(), window.padW()), ceil,
                    countPadding);
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {in[0], window.outputHeight(in[1], ceil), window.outputWidth(in[2], ceil)};
        }

        @Override
        public String token() {
            return "avgpool" + PoolText.write(window, ceil, countPadding);
        }

        @Override
        public String stem() {
            return "avgpool";
        }
    }

    /** The mean of each channel over the whole map: (C, H, W) to (C, 1, 1). */
    record GlobalAvgPool() implements Unary {
        @Override
        public Block newBlock() {
            return new LambdaBlock(x -> new NDList(x.singletonOrThrow().mean(new int[] {3}, true).mean(new int[] {2}, true)),
                    "gap");
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {in[0], 1, 1};
        }

        @Override
        public String token() {
            return "gap";
        }

        @Override
        public String stem() {
            return "gap";
        }
    }

    /** Flattens (channels, height, width) into features, channel after channel. */
    record Flatten() implements Unary {
        @Override
        public Block newBlock() {
            return Blocks.batchFlattenBlock();
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {in[0] * in[1] * in[2], 1, 1};
        }

        @Override
        public String token() {
            return "flatten";
        }

        @Override
        public String stem() {
            return "flatten";
        }
    }

    /** Fully connected layer with bias; takes features (after a flatten). */
    record Dense(int units) implements Unary {
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

    /**
     * Quantize-dequantize of the activations flowing into the next layer, on an unsigned grid of
     * {@code bits} bits that includes zero: with {@code dynamic}, the range is each batch's own min and
     * max (as PyTorch's dynamic quantization does); otherwise the calibrated {@code min} and {@code max}.
     * It simulates integer activations in fp32 kernels.
     */
    record FakeQuant(int bits, boolean dynamic, float min, float max) implements Unary {
        public FakeQuant {
            if (bits < 2 || bits > 8) {
                throw new IllegalArgumentException("activation bits must be 2 to 8, got " + bits);
            }
            if (!dynamic && !(min <= 0 && max >= 0)) {
                throw new IllegalArgumentException("a calibrated range must include zero, got [" + min + ", " + max + "]");
            }
        }

        @Override
        public Block newBlock() {
            int levels = (1 << bits) - 1;
            return new LambdaBlock(list -> {
                NDArray x = list.singletonOrThrow();
                float low = dynamic ? Math.min(0f, x.min().getFloat()) : min;
                float high = dynamic ? Math.max(0f, x.max().getFloat()) : max;
                float scale = (high - low) / levels;
                if (!(scale > 0)) {
                    return list;
                }
                float zeroPoint = Math.round(-low / scale);
                NDArray codes = x.div(scale).round().add(zeroPoint).clip(0, levels);
                return new NDList(codes.sub(zeroPoint).mul(scale));
            }, "fakequant");
        }

        @Override
        public int[] outputShape(int[] in) {
            return in.clone();
        }

        @Override
        public String token() {
            return dynamic ? "qdyn" + bits : "qsta" + bits + "[" + min + "," + max + "]";
        }

        @Override
        public String stem() {
            return "q";
        }
    }

    /** Element-wise sum; a (C, 1, 1) input broadcasts over a (C, H, W) one. */
    record Add() implements Join {
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

    /** Element-wise product, as a squeeze-and-excitation block scales its channels: (C, 1, 1) broadcasts. */
    record Mul() implements Join {
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

    /** The inputs' channels one after another (the maps must be of one height and width). */
    record Concat() implements Join {
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
}
