package org.paretowb.models.network;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One node of a network graph: its name (which also names the tensor it computes), what it computes, and the
 * names of the tensors it reads, {@link NetworkSpec#INPUT} for the network's input.
 */
public record Node(String name, Layer layer, List<String> inputs) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public Node {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a node name is letters, digits, '_', '.' and '-', not '" + name + "'");
        }
        if (layer == null) {
            throw new IllegalArgumentException("node " + name + " has no layer");
        }
        inputs = List.copyOf(inputs);
        if (!layer.accepts(inputs.size())) {
            throw new IllegalArgumentException("node " + name + " (" + layer.token() + ") cannot take "
                    + inputs.size() + " input" + (inputs.size() == 1 ? "" : "s"));
        }
    }

    public Node(String name, Layer layer, String... inputs) {
        this(name, layer, List.of(inputs));
    }

    public Node withLayer(Layer newLayer) {
        return new Node(name, newLayer, inputs);
    }

    public Node withInputs(List<String> newInputs) {
        return new Node(name, layer, newInputs);
    }

    /** Whether {@code name} is a valid node name. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
