package org.paretowb.services.onnx;

import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;

/**
 * Names for imported nodes. From the scope names PyTorch writes ("/layer1/layer1.0/conv1/Conv" is module
 * layer1.0.conv1): a node takes its module's path where that module holds nothing else (a leaf of one operation:
 * conv1, relu_1, bn1) or where it is a convolution or dense layer, else the path and its operation (layer1.0.add,
 * features.0.2.sigmoid and features.0.2.mul for a SiLU). Nodes of files
 * without such names, or with paths of numbers only (an nn.Sequential's "/3/Relu"), take the workbench's default
 * names: conv1, bn1, relu1, fc1, … in order. Names are unique and use letters, digits, '_', '.' and '-' only.
 */
final class NodeNames {
    private final Set<String> used = new HashSet<>(Set.of(NetworkSpec.INPUT));
    private final Set<String> containers = new HashSet<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Set<String> defaults = new HashSet<>();
    private final Map<String, Integer> opsPerPath = new HashMap<>();

    /** @param onnxNames the names of all of the graph's nodes that compute (not constants, not shapes) */
    NodeNames(List<String> onnxNames) {
        for (String name : onnxNames) {
            String path = modulePath(name);
            opsPerPath.merge(path, 1, Integer::sum);
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                containers.add(path.substring(0, dot));
            }
        }
    }

    String name(String onnxName, String opType, Layer layer) {
        String op = opType.toLowerCase(Locale.ROOT);
        String path = modulePath(onnxName);
        int count = counts.merge(layer.stem(), 1, Integer::sum);
        String name;
        if (path.isEmpty() || !path.matches(".*[A-Za-z].*")) {
            String given = unique(layer.stem() + count);
            defaults.add(given);
            return given;
        } else if (layer instanceof Conv || layer instanceof Dense
                || !containers.contains(path) && opsPerPath.get(path) == 1 || lastPart(path).contains(op)) {
            name = path;
        } else {
            name = path + "." + op;
        }
        return unique(clean(name));
    }

    /** Whether the workbench gave the name itself (no module path was there to take it from). */
    boolean isDefault(String name) {
        return defaults.contains(name);
    }

    /** The dotted module path of a PyTorch scope name; "" when the name holds none. */
    static String modulePath(String onnxName) {
        if (!onnxName.startsWith("/")) {
            return "";
        }
        String[] parts = onnxName.substring(1).split("/");
        List<String> segments = new ArrayList<>();
        for (int k = 0; k < parts.length - 1; k++) {
            String part = parts[k];
            if (part.isEmpty()) {
                continue;
            }
            if (!segments.isEmpty() && part.startsWith(segments.get(segments.size() - 1) + ".")) {
                segments.set(segments.size() - 1, part);
            } else {
                segments.add(part);
            }
        }
        return String.join(".", segments);
    }

    private static String lastPart(String path) {
        int dot = path.lastIndexOf('.');
        return path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String clean(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
        return cleaned.isEmpty() ? "node" : cleaned;
    }

    private String unique(String wanted) {
        String name = wanted;
        for (int k = 2; !used.add(name); k++) {
            name = wanted + "_" + k;
        }
        return name;
    }
}
