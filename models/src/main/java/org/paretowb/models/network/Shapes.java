package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The output shape of every node of a graph, checked: a message names the node whose inputs do not fit. */
final class Shapes {
    private Shapes() {
    }

    static List<int[]> of(int channels, int height, int width, List<Node> nodes) {
        Map<String, int[]> byName = new HashMap<>();
        byName.put(NetworkSpec.INPUT, new int[] {channels, height, width});
        List<int[]> outputs = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            List<int[]> inputs = node.inputs().stream().map(byName::get).toList();
            int[] out;
            try {
                out = node.layer().outputShape(inputs);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("node " + node.name() + " (" + node.layer().token() + "): "
                        + e.getMessage(), e);
            }
            if (out[0] <= 0 || out[1] <= 0 || out[2] <= 0) {
                throw new IllegalArgumentException("node " + node.name() + " (" + node.layer().token()
                        + ") leaves no output from " + Broadcast.describe(inputs));
            }
            byName.put(node.name(), out);
            outputs.add(out);
        }
        return outputs;
    }
}
