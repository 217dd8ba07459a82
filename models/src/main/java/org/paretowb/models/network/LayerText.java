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
            return new Conv(Integer.parseInt(m.group(1)), new Window(k[0], k[1], s[0], s[1], p[0], p[1], d[0],
                    d[1]), groups);
        }
        if ((m = DENSE.matcher(token)).matches()) {
            return new Dense(Integer.parseInt(m.group(1)));
        }
        if (token.startsWith("maxpool") || token.startsWith("avgpool")) {
            PoolText.Parsed pool = PoolText.read(token.substring("maxpool".length()));
            if (pool == null) {
                return null;
            }
            return token.startsWith("maxpool") ? new MaxPool(pool.window(), pool.ceil())
                    : new AvgPool(pool.window(), pool.ceil(), pool.countPadding());
        }
        if ((m = LEAKY.matcher(token)).matches()) {
            return Activation.leakyRelu(Float.parseFloat(m.group(1)));
        }
        if ((m = TWO.matcher(token)).matches()) {
            float a = Float.parseFloat(m.group(2));
            float b = Float.parseFloat(m.group(3));
            return m.group(1).equals("clip") ? Activation.clip(a, b) : Activation.hardSigmoid(a, b);
        }
        if ((m = DYNAMIC.matcher(token)).matches()) {
            return new FakeQuant(Integer.parseInt(m.group(1)), true, 0, 0);
        }
        if ((m = STATIC.matcher(token)).matches()) {
            return new FakeQuant(Integer.parseInt(m.group(1)), false, Float.parseFloat(m.group(2)),
                    Float.parseFloat(m.group(3)));
        }
        return switch (token) {
            case "bn" -> new Norm();
            case "relu" -> new Relu();
            case "sigmoid" -> Activation.sigmoid();
            case "tanh" -> Activation.tanh();
            case "hardswish" -> Activation.hardSwish();
            case "flatten" -> new Flatten();
            case "gap" -> new GlobalAvgPool();
            case "affine" -> new Affine();
            case "add" -> new Add();
            case "mul" -> new Mul();
            case "concat" -> new Concat();
            default -> null;
        };
    }
}
