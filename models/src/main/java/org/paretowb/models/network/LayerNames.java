package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of a network's weighted layers as users see them: convolutions conv1, conv2, … and dense layers
 * fc1, fc2, … in the order they run. The CLI's {@code --int8-layers} and the per-layer views use them.
 */
public final class LayerNames {
    private LayerNames() {
    }

    /** Layer index to name, for every convolution and dense layer, in order. */
    public static Map<Integer, String> of(NetworkSpec spec) {
        Map<Integer, String> names = new LinkedHashMap<>();
        int convs = 0;
        int dense = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            if (layer instanceof Layer.Conv) {
                names.put(i, "conv" + ++convs);
            } else if (layer instanceof Layer.Dense) {
                names.put(i, "fc" + ++dense);
            }
        }
        return names;
    }

    public static List<String> list(NetworkSpec spec) {
        return new ArrayList<>(of(spec).values());
    }
}
