package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network as one line of text: the input shape, then a token per node, {@code [name=]layer[@in+in]}. A node's
 * name is written only where it differs from its default (the layer's stem and its count so far: conv1, bn2,
 * fc1, add3, …) and its inputs only where they are not the node before; so a chain with default names reads
 * as before graphs existed: {@code 1x28x28 conv16k3p1 bn relu maxpool2 flatten dense10}. A residual join reads
 * {@code add1=add@conv3+relu1}.
 */
public final class NetworkText {
    private static final Pattern INPUT = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");

    private NetworkText() {
    }

    /** The default name of each layer: its stem and how many layers of that stem came up to it. */
    public static List<String> defaultNames(List<? extends Layer> layers) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Layer layer : layers) {
            names.add(layer.stem() + counts.merge(layer.stem(), 1, Integer::sum));
        }
        return names;
    }

    public static String describe(NetworkSpec spec) {
        StringBuilder text = new StringBuilder(spec.channels() + "x" + spec.height() + "x" + spec.width());
        List<String> defaults = defaultNames(spec.layers());
        String previous = NetworkSpec.INPUT;
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.nodes().get(i);
            text.append(' ');
            if (!node.name().equals(defaults.get(i))) {
                text.append(node.name()).append('=');
            }
            text.append(node.layer().token());
            if (!node.inputs().equals(List.of(previous))) {
                text.append('@').append(String.join("+", node.inputs()));
            }
            previous = node.name();
        }
        return text.toString();
    }

    public static NetworkSpec parse(String line) {
        String[] tokens = line.trim().split("\\s+");
        Matcher input = INPUT.matcher(tokens[0]);
        if (!input.matches()) {
            throw new IllegalArgumentException("network description must start with CxHxW, not '" + tokens[0] + "'");
        }
        Map<String, Integer> counts = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        String previous = NetworkSpec.INPUT;
        for (String token : Arrays.copyOfRange(tokens, 1, tokens.length)) {
            String rest = token;
            String name = null;
            int equals = rest.indexOf('=');
            if (equals >= 0) {
                name = rest.substring(0, equals);
                rest = rest.substring(equals + 1);
            }
            List<String> inputs = List.of(previous);
            int at = rest.indexOf('@');
            if (at >= 0) {
                inputs = List.of(rest.substring(at + 1).split("\\+"));
                rest = rest.substring(0, at);
            }
            Layer layer = LayerText.parse(rest);
            int count = counts.merge(layer.stem(), 1, Integer::sum);
            Node node = new Node(name != null ? name : layer.stem() + count, layer, inputs);
            nodes.add(node);
            previous = node.name();
        }
        return new NetworkSpec(Integer.parseInt(input.group(1)), Integer.parseInt(input.group(2)),
                Integer.parseInt(input.group(3)), nodes);
    }
}
