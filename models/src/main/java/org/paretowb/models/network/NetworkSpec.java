package org.paretowb.models.network;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network as a sequence of layers on an input of (channels, height, width). It builds the DJL block,
 * gives every layer's input shape and MACs, and is written into weight files as one line of tokens,
 * for example {@code 1x28x28 conv16k3p1 bn relu maxpool2 flatten dense128 relu dense10}.
 */
public record NetworkSpec(int channels, int height, int width, List<Layer> layers) {

    public NetworkSpec {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        layers = List.copyOf(layers);
        int[] shape = {channels, height, width};
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
            if (shape[0] <= 0 || shape[1] <= 0 || shape[2] <= 0) {
                throw new IllegalArgumentException("layer " + layer.token() + " leaves no output");
            }
        }
    }

    public Block newBlock() {
        SequentialBlock block = new SequentialBlock();
        layers.forEach(layer -> block.add(layer.newBlock()));
        return block;
    }

    /** The shape each layer receives: element i is the input of layer i; the last is the output. */
    public List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>(layers.size() + 1);
        int[] shape = {channels, height, width};
        shapes.add(shape);
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
            shapes.add(shape);
        }
        return shapes;
    }

    public int outputs() {
        int[] out = shapes().get(layers.size());
        return out[0] * out[1] * out[2];
    }

    /** Every parameter tensor's shape, in the order DJL lists them. */
    public List<long[]> parameterShapes() {
        List<int[]> shapes = shapes();
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            all.addAll(layers.get(i).parameterShapes(shapes.get(i)));
        }
        return all;
    }

    /** For each layer, the index of its first tensor in {@link #parameterShapes()}. */
    public int[] firstTensorOfLayer() {
        List<int[]> shapes = shapes();
        int[] first = new int[layers.size()];
        int at = 0;
        for (int i = 0; i < layers.size(); i++) {
            first[i] = at;
            at += layers.get(i).parameterShapes(shapes.get(i)).size();
        }
        return first;
    }

    /** Multiply-accumulates for one sample, counted from the layer shapes. */
    public long macs() {
        List<int[]> shapes = shapes();
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            total += layers.get(i).macs(shapes.get(i));
        }
        return total;
    }

    public NetworkSpec withLayers(List<Layer> newLayers) {
        return new NetworkSpec(channels, height, width, newLayers);
    }

    /** One line: the input shape, then a token per layer. */
    public String describe() {
        StringBuilder text = new StringBuilder(channels + "x" + height + "x" + width);
        layers.forEach(layer -> text.append(' ').append(layer.token()));
        return text.toString();
    }

    private static final Pattern INPUT = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");
    private static final Pattern CONV = Pattern.compile("conv(\\d+)k(\\d+)p(\\d+)");
    private static final Pattern DENSE = Pattern.compile("dense(\\d+)");
    private static final Pattern POOL = Pattern.compile("maxpool(\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("avgpool(\\d+)");
    private static final Pattern LEAKY = Pattern.compile("leakyrelu([-+0-9.eE]+)");
    private static final Pattern DYNAMIC = Pattern.compile("qdyn(\\d+)");
    private static final Pattern STATIC = Pattern.compile("qsta(\\d+)\\[([^,\\]]+),([^\\]]+)\\]");

    /** Reads {@link #describe()}'s line; the message names the token that is not understood. */
    public static NetworkSpec parse(String line) {
        String[] tokens = line.trim().split("\\s+");
        Matcher input = INPUT.matcher(tokens[0]);
        if (!input.matches()) {
            throw new IllegalArgumentException("network description must start with CxHxW, not '" + tokens[0] + "'");
        }
        List<Layer> layers = new ArrayList<>();
        for (String token : Arrays.copyOfRange(tokens, 1, tokens.length)) {
            layers.add(layer(token));
        }
        return new NetworkSpec(Integer.parseInt(input.group(1)), Integer.parseInt(input.group(2)),
                Integer.parseInt(input.group(3)), layers);
    }

    private static Layer layer(String token) {
        Matcher m;
        if ((m = CONV.matcher(token)).matches()) {
            return new Layer.Conv(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if ((m = DENSE.matcher(token)).matches()) {
            return new Layer.Dense(Integer.parseInt(m.group(1)));
        }
        if ((m = POOL.matcher(token)).matches()) {
            return new Layer.MaxPool(Integer.parseInt(m.group(1)));
        }
        if ((m = AVERAGE.matcher(token)).matches()) {
            return new Layer.AvgPool(Integer.parseInt(m.group(1)));
        }
        if ((m = LEAKY.matcher(token)).matches()) {
            try {
                return Layer.Activation.leakyRelu(Float.parseFloat(m.group(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown layer '" + token + "' in network description");
            }
        }
        if ((m = DYNAMIC.matcher(token)).matches()) {
            return new Layer.FakeQuant(Integer.parseInt(m.group(1)), true, 0, 0);
        }
        if ((m = STATIC.matcher(token)).matches()) {
            return new Layer.FakeQuant(Integer.parseInt(m.group(1)), false, Float.parseFloat(m.group(2)),
                    Float.parseFloat(m.group(3)));
        }
        return switch (token) {
            case "bn" -> new Layer.Norm();
            case "relu" -> new Layer.Relu();
            case "sigmoid" -> Layer.Activation.sigmoid();
            case "tanh" -> Layer.Activation.tanh();
            case "flatten" -> new Layer.Flatten();
            default -> throw new IllegalArgumentException("unknown layer '" + token + "' in network description");
        };
    }
}
