package org.paretowb.models.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * One layer of a network description. Layers know their parameters' shapes for a given input shape
 * (channels, height, width; or features as (features, 1, 1) after a flatten), so a compressor can
 * rewrite a network by changing its layers and slicing its tensors to fit.
 */
public sealed interface Layer {

    /** The DJL block computing this layer. */
    Block newBlock();

    /** Output shape (channels, height, width) for an input of the given shape. */
    int[] outputShape(int[] input);

    /** Shapes of this layer's parameter tensors, in DJL's order, for the given input shape; none by default. */
    default List<long[]> parameterShapes(int[] input) {
        return List.of();
    }

    /** Multiply-accumulates for one sample with the given input shape; none by default. */
    default long macs(int[] input) {
        return 0;
    }

    /** The layer written as one token of a network description, for example {@code conv16k3p1}. */
    String token();

    /** 2D convolution, square kernel, stride 1. */
    record Conv(int filters, int kernel, int padding) implements Layer {
        public Conv {
            if (filters <= 0 || kernel <= 0 || padding < 0) {
                throw new IllegalArgumentException("a convolution needs filters and kernel > 0, padding >= 0");
            }
        }

        @Override
        public Block newBlock() {
            return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(padding, padding))
                    .setFilters(filters).build();
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {filters, in[1] + 2 * padding - kernel + 1, in[2] + 2 * padding - kernel + 1};
        }

        @Override
        public List<long[]> parameterShapes(int[] in) {
            return List.of(new long[] {filters, in[0], kernel, kernel}, new long[] {filters});
        }

        @Override
        public long macs(int[] in) {
            int[] out = outputShape(in);
            return (long) filters * in[0] * kernel * kernel * out[1] * out[2];
        }

        @Override
        public String token() {
            return "conv" + filters + "k" + kernel + "p" + padding;
        }
    }

    /** Batch normalisation over channels (gamma, beta, running mean, running variance). */
    record Norm() implements Layer {
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
    }

    /** Rectified linear unit, max(x, 0). */
    record Relu() implements Layer {
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
    }

    /**
     * An element-wise activation other than ReLU: leaky ReLU (x for x >= 0, alpha x below), sigmoid or tanh.
     * It acts on each channel alone, so structured pruning passes channel removal through it as through a ReLU.
     */
    record Activation(Kind kind, float alpha) implements Layer {
        /** The functions, each with its token in a network description. */
        public enum Kind {
            LEAKY_RELU("leakyrelu"), SIGMOID("sigmoid"), TANH("tanh");

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
            if (kind != Kind.LEAKY_RELU) {
                alpha = 0;
            } else if (!Float.isFinite(alpha)) {
                throw new IllegalArgumentException("a leaky ReLU's slope must be a finite number, got " + alpha);
            }
        }

        public static Activation leakyRelu(float alpha) {
            return new Activation(Kind.LEAKY_RELU, alpha);
        }

        public static Activation sigmoid() {
            return new Activation(Kind.SIGMOID, 0);
        }

        public static Activation tanh() {
            return new Activation(Kind.TANH, 0);
        }

        @Override
        public Block newBlock() {
            return switch (kind) {
                case LEAKY_RELU -> ai.djl.nn.Activation.leakyReluBlock(alpha);
                case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
                case TANH -> ai.djl.nn.Activation.tanhBlock();
            };
        }

        @Override
        public int[] outputShape(int[] in) {
            return in.clone();
        }

        /** {@code leakyrelu0.01}, {@code sigmoid}, {@code tanh}. */
        @Override
        public String token() {
            return kind == Kind.LEAKY_RELU ? kind.token() + alpha : kind.token();
        }
    }

    /** Max pooling with a square window and an equal stride. */
    record MaxPool(int size) implements Layer {
        public MaxPool {
            if (size <= 0) {
                throw new IllegalArgumentException("a pooling window must be positive");
            }
        }

        @Override
        public Block newBlock() {
            return Pool.maxPool2dBlock(new Shape(size, size), new Shape(size, size));
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {in[0], in[1] / size, in[2] / size};
        }

        @Override
        public String token() {
            return "maxpool" + size;
        }
    }

    /** Average pooling with a square window and an equal stride (a global average pool when it spans the input). */
    record AvgPool(int size) implements Layer {
        public AvgPool {
            if (size <= 0) {
                throw new IllegalArgumentException("a pooling window must be positive");
            }
        }

        @Override
        public Block newBlock() {
            return Pool.avgPool2dBlock(new Shape(size, size), new Shape(size, size));
        }

        @Override
        public int[] outputShape(int[] in) {
            return new int[] {in[0], in[1] / size, in[2] / size};
        }

        @Override
        public String token() {
            return "avgpool" + size;
        }
    }

    /** Flattens (channels, height, width) into features, channel after channel. */
    record Flatten() implements Layer {
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
    }

    /** Fully connected layer with bias; takes features (after a flatten). */
    record Dense(int units) implements Layer {
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
    }

    /**
     * Quantize-dequantize of the activations flowing into the next layer, on an unsigned grid of
     * {@code bits} bits that includes zero: with {@code dynamic}, the range is each batch's own min and
     * max (as PyTorch's dynamic quantization does); otherwise the calibrated {@code min} and {@code max}.
     * It simulates integer activations in fp32 kernels.
     */
    record FakeQuant(int bits, boolean dynamic, float min, float max) implements Layer {
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
            return new ai.djl.nn.LambdaBlock(list -> {
                ai.djl.ndarray.NDArray x = list.singletonOrThrow();
                float low = dynamic ? Math.min(0f, x.min().getFloat()) : min;
                float high = dynamic ? Math.max(0f, x.max().getFloat()) : max;
                float scale = (high - low) / levels;
                if (!(scale > 0)) {
                    return list;
                }
                float zeroPoint = Math.round(-low / scale);
                ai.djl.ndarray.NDArray codes = x.div(scale).round().add(zeroPoint).clip(0, levels);
                return new ai.djl.ndarray.NDList(codes.sub(zeroPoint).mul(scale));
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
    }
}
