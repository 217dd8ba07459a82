package org.paretowb.models.recipe;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which layers static quantization runs on real int8 kernels when a point is measured on ONNX Runtime:
 * all calibrated layers, those whose int8 kernel the per-layer profile found faster than fp32 ("where it
 * pays"), or the layers listed by name (conv1, fc2, …). The others stay fp32.
 */
public record Int8Layers(Kind kind, List<String> names) {
    public static final Int8Layers ALL = new Int8Layers(Kind.ALL, List.of());
    public static final Int8Layers WHERE_IT_PAYS = new Int8Layers(Kind.WHERE_IT_PAYS, List.of());

    private static final Pattern NAME = Pattern.compile("(conv|fc)[1-9][0-9]*");

    public enum Kind { ALL, WHERE_IT_PAYS, LISTED }

    public Int8Layers {
        if (kind == null || names == null) {
            throw new IllegalArgumentException("int8 layers need a kind and a list of names");
        }
        names = List.copyOf(names);
        if (kind == Kind.LISTED && names.isEmpty()) {
            throw new IllegalArgumentException("list at least one layer to run in int8, or say all or auto");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a layer name: use conv1, conv2, …, fc1, fc2, …");
            }
        }
    }

    /** {@code all}, {@code auto} (where it pays) or a comma-separated list such as {@code conv2,fc1}. */
    public static Int8Layers parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        if (t.equalsIgnoreCase("auto")) {
            return WHERE_IT_PAYS;
        }
        return new Int8Layers(Kind.LISTED, Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList());
    }

    public String describe() {
        return switch (kind) {
            case ALL -> "all";
            case WHERE_IT_PAYS -> "auto";
            case LISTED -> String.join(",", names);
        };
    }
}
