package org.paretowb.models.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one layer token of a network description ({@link Layer#token()}); the message names a token it cannot. */
final class LayerText {
    private static final String PAIR = "(\\d+(?:x\\d+)?)";
    private static final String NUMBER = "([-+0-9.eE]+|-?Infinity)";
    private static final Pattern CONV = Pattern.compile("conv(\\d+)k" + PAIR + "p" + PAIR + "(?:s" + PAIR + ")?(?:d"
            + PAIR + ")?(?:g(\\d+))?");
    private static final Pattern DENSE = Pattern.compile("dense(\\d+)");
    private static final Pattern LEAKY = Pattern.compile("leakyrelu" + NUMBER);
    private static final Pattern TWO = Pattern.compile("(clip|hardsigmoid)\\[" + NUMBER + "," + NUMBER + "]");
    private static final Pattern DYNAMIC = Pattern.compile("qdyn(\\d+)");
    private static final Pattern STATIC = Pattern.compile("qsta(\\d+)\\[([^,\\]]+),([^\\]]+)\\]");

    private LayerText() {
    }

    static Layer parse(String token) {
        try {
            Layer layer = layer(token);
            if (layer != null) {
                return layer;
            }
        } catch (NumberFormatException e) {
            // an unreadable number: the token is not understood
        }
        throw new IllegalArgumentException("unknown layer '" + token + "' in network description");
    }

    private static Layer layer(String token) {
        Matcher m;
        if ((m = CONV.matcher(token)).matches()) {
            int[] k = Window.pair(m.group(2));
            int[] p = Window.pair(m.group(3));
            int[] s = m.group(4) == null ? new int[] {1, 1} : Window.pair(m.group(4));
            int[] d = m.group(5) == null ? new int[] {1, 1} : Window.pair(m.group(5));
            int groups = m.group(6) == null ? 1 : Integer.parseInt(m.group(6));
            return new Layer.Conv(Integer.parseInt(m.group(1)), new Window(k[0], k[1], s[0], s[1], p[0], p[1], d[0],
                    d[1]), groups);
        }
        if ((m = DENSE.matcher(token)).matches()) {
            return new Layer.Dense(Integer.parseInt(m.group(1)));
        }
        if (token.startsWith("maxpool") || token.startsWith("avgpool")) {
            PoolText.Parsed pool = PoolText.read(token.substring("maxpool".length()));
            if (pool == null) {
                return null;
            }
            return token.startsWith("maxpool") ? new Layer.MaxPool(pool.window(), pool.ceil())
                    : new Layer.AvgPool(pool.window(), pool.ceil(), pool.countPadding());
        }
        if ((m = LEAKY.matcher(token)).matches()) {
            return Layer.Activation.leakyRelu(Float.parseFloat(m.group(1)));
        }
        if ((m = TWO.matcher(token)).matches()) {
            float a = Float.parseFloat(m.group(2));
            float b = Float.parseFloat(m.group(3));
            return m.group(1).equals("clip") ? Layer.Activation.clip(a, b) : Layer.Activation.hardSigmoid(a, b);
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
            case "hardswish" -> Layer.Activation.hardSwish();
            case "flatten" -> new Layer.Flatten();
            case "gap" -> new Layer.GlobalAvgPool();
            case "affine" -> new Layer.Affine();
            case "add" -> new Layer.Add();
            case "mul" -> new Layer.Mul();
            case "concat" -> new Layer.Concat();
            default -> null;
        };
    }
}
