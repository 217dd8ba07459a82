package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * An element-wise activation other than ReLU: leaky ReLU (x for x >= 0, a x below), sigmoid, tanh, clip to
 * [a, b] (ReLU6 is clip to [0, 6]), hard sigmoid max(0, min(1, a x + b)) and hard swish x hardsigmoid(x) with
 * a = 1/6, b = 1/2. It acts on each channel alone, so structured pruning passes channel removal through it.
 */
public record Activation(Kind kind, float a, float b) implements Layer.Unary {
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
