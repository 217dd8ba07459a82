package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A network as a table of layers: name, type, output shape, parameters, MACs and their share of the total. */
public final class LayerTable {
    /**
     * One layer.
     *
     * @param name conv1, fc2, … for weighted layers; the type's name (an activation's function) with its
     *             position for the others
     * @param type the layer's token in the network description, for example {@code conv16k3p1}
     * @param output the output shape, "C x H x W" or "N features"
     * @param macsShare this layer's share of the network's multiply-accumulates, in [0, 1]
     */
    public record Row(String name, String type, String output, long parameters, long macs, double macsShare) {
    }

    private LayerTable() {
    }

    public static List<Row> of(NetworkSpec spec) {
        Map<Integer, String> names = LayerNames.of(spec);
        List<int[]> shapes = spec.shapes();
        long total = Math.max(1, spec.macs());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            int[] in = shapes.get(i);
            int[] out = shapes.get(i + 1);
            long parameters = layer.parameterShapes(in).stream()
                    .mapToLong(s -> java.util.Arrays.stream(s).reduce(1, (a, b) -> a * b)).sum();
            long macs = layer.macs(in);
            String name = names.getOrDefault(i, typeName(layer) + " " + (i + 1));
            String shape = out[1] == 1 && out[2] == 1 ? out[0] + " features" : out[0] + " x " + out[1] + " x " + out[2];
            rows.add(new Row(name, layer.token(), shape, parameters, macs, (double) macs / total));
        }
        return rows;
    }

    /** relu, maxpool, …; an activation by its function (sigmoid, not "activation"). */
    private static String typeName(Layer layer) {
        return layer instanceof Layer.Activation a ? a.kind().token()
                : layer.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
