package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network as a table of nodes: name, type, inputs, output shape, parameters, MACs and their share of the total.
 */
public final class LayerTable {
    /**
     * One node.
     *
     * @param name the node's name: conv1, fc2, … in the examples, the module path in an imported graph
     * @param type the layer's token in the network description, for example {@code conv16k3p1}
     * @param inputs the nodes it reads, "" when it reads only the node listed before it (as in a chain)
     * @param output the output shape, "C x H x W" or "N features"
     * @param macsShare this node's share of the network's multiply-accumulates, in [0, 1]
     */
    public record Row(String name, String type, String inputs, String output, long parameters, long macs,
                      double macsShare) {
        /** Whether the node joins several tensors (a residual add, a concatenation, a multiplication). */
        public boolean join() {
            return inputs.contains(",");
        }
    }

    private LayerTable() {
    }

    public static List<Row> of(NetworkSpec spec) {
        List<int[]> outputs = spec.outputShapes();
        List<List<int[]>> inputs = spec.allInputShapes();
        long[] macs = spec.macsPerNode();
        long total = Math.max(1, spec.macs());
        boolean[] flat = spec.flat();
        List<Row> rows = new ArrayList<>();
        String previous = NetworkSpec.INPUT;
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.nodes().get(i);
            int[] out = outputs.get(i);
            long parameters = node.layer().parameterShapes(inputs.get(i)).stream()
                    .mapToLong(s -> Arrays.stream(s).reduce(1, (a, b) -> a * b)).sum();
            String shape = flat[i] ? out[0] + " features" : out[0] + " x " + out[1] + " x " + out[2];
            String reads = node.inputs().equals(List.of(previous)) ? "" : String.join(", ", node.inputs());
            rows.add(new Row(node.name(), node.layer().token(), reads, shape, parameters, macs[i],
                    (double) macs[i] / total));
            previous = node.name();
        }
        return rows;
    }
}
