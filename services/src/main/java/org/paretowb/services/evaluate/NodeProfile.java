package org.paretowb.services.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel time per layer from an ONNX Runtime profile (a Chrome-trace JSON file): every node's
 * "…_kernel_time" events, summed, and charged to the layer the exporter wrote that node for (its owners map: a
 * ReLU, pool or quantize node serves the weighted layer before it). ONNX Runtime keeps a node's name when it fuses
 * quantize nodes into an integer kernel, or, fusing a convolution with its ReLU, one of the two names. Nodes that
 * ONNX Runtime adds itself (layout transposes and reorders) are charged to "other".
 */
public final class NodeProfile {
    public static final String OTHER = "other";

    private NodeProfile() {
    }

    /**
     * Mean kernel microseconds per run for each layer name, over the runs after the first {@code skip}
     * (warm-up runs, told apart by the trace's "model_run" events).
     */
    public static Map<String, Double> perLayer(Path trace, Map<String, String> owners, Iterable<String> layers, int skip)
            throws IOException {
        JsonNode events = new ObjectMapper().readTree(trace.toFile());
        List<Long> runStarts = new ArrayList<>();
        for (JsonNode event : events) {
            if ("model_run".equals(event.path("name").asText())) {
                runStarts.add(event.path("ts").asLong());
            }
        }
        Collections.sort(runStarts);
        if (runStarts.size() <= skip) {
            throw new IOException("the profile " + trace + " has " + runStarts.size() + " runs, not more than " + skip);
        }
        long from = runStarts.get(skip);
        int runs = runStarts.size() - skip;
        Map<String, Double> micros = new LinkedHashMap<>();
        layers.forEach(l -> micros.put(l, 0.0));
        micros.put(OTHER, 0.0);
        for (JsonNode event : events) {
            String name = event.path("name").asText();
            if ("Node".equals(event.path("cat").asText()) && name.endsWith("_kernel_time")
                    && event.path("ts").asLong() >= from) {
                micros.merge(layerOf(name, owners, micros), event.path("dur").asDouble() / runs, Double::sum);
            }
        }
        return micros;
    }

    /**
     * The layer that the event's node serves; "other" for nodes the exporter did not write. ONNX Runtime renames the
     * nodes it rewrites by adding to their names ("/conv1/Conv_12_token_3", "/maxpool2/MaxPool_37_nchwc"): the node
     * the exporter wrote is the longest of its names that the event's starts with, followed by '_'.
     */
    private static String layerOf(String event, Map<String, String> owners, Map<String, Double> layers) {
        String node = event.startsWith("fused ") ? event.substring("fused ".length()) : event;
        node = node.substring(0, node.length() - "_kernel_time".length());
        String owner = owners.get(node);
        if (owner == null) {
            String longest = null;
            for (String written : owners.keySet()) {
                if (node.startsWith(written + "_") && (longest == null || written.length() > longest.length())) {
                    longest = written;
                }
            }
            owner = longest == null ? null : owners.get(longest);
        }
        return owner != null && layers.containsKey(owner) ? owner : OTHER;
    }
}
