package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of a network's weighted layers as users see them: the names of its convolution and dense nodes (in the
 * examples conv1, conv2, … and fc1, fc2, … in the order they run; in an imported graph the module path, such as
 * layer1.0.conv1). The CLI's {@code --int8-layers} and the per-layer views use them.
 */
public final class LayerNames {
    private LayerNames() {
    }

    /** Node index to name, for every convolution and dense node, in order. */
    public static Map<Integer, String> of(NetworkSpec spec) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int i = 0; i < spec.nodes().size(); i++) {
            if (weighted(spec.nodes().get(i).layer())) {
                names.put(i, spec.nodes().get(i).name());
            }
        }
        return names;
    }

    public static List<String> list(NetworkSpec spec) {
        return new ArrayList<>(of(spec).values());
    }

    /** Whether a layer is a convolution or a dense layer. */
    public static boolean weighted(Layer layer) {
        return layer instanceof Conv || layer instanceof Dense;
    }
}
