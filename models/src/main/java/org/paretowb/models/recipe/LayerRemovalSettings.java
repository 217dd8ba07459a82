package org.paretowb.models.recipe;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removing whole layers or blocks before the other compression stages: a hidden dense layer with its activation,
 * a convolution with its norm and activation (the stage's pooling stays), or a residual block (its join becomes
 * the identity). Either the named ones, or the {@code count} least sensitive (measured when the recipe is applied).
 *
 * @param count how many of the least sensitive to remove; 0 when {@code layers} names them
 * @param layers the names of the layers or blocks to remove (conv2, fc2, the residual join's name); empty when
 *     {@code count} chooses
 */
public record LayerRemovalSettings(int count, List<String> layers) {
    public static final LayerRemovalSettings NONE = new LayerRemovalSettings(0, List.of());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public LayerRemovalSettings {
        layers = layers == null ? List.of() : List.copyOf(layers);
        if (count < 0) {
            throw new IllegalArgumentException("the number of layers to remove must be 0 or more, got " + count);
        }
        if (count > 0 && !layers.isEmpty()) {
            throw new IllegalArgumentException("remove either a number of layers or named layers, not both");
        }
        for (String name : layers) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a layer name");
            }
        }
        if (layers.stream().distinct().count() != layers.size()) {
            throw new IllegalArgumentException("a layer is named twice in " + layers);
        }
    }

    /** "2" (the two least sensitive) or a comma-separated list of names; "0" or "" is none. */
    public static LayerRemovalSettings parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("0") || t.equals("none")) {
            return NONE;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return new LayerRemovalSettings(Integer.parseInt(t), List.of());
        }
        return new LayerRemovalSettings(0, List.of(t.split("\\s*,\\s*")));
    }

    /** The inverse of {@link #parse}: "0", "2" or "fc2,conv2". */
    public String describe() {
        return layers.isEmpty() ? Integer.toString(count) : String.join(",", layers);
    }

    public boolean active() {
        return count > 0 || !layers.isEmpty();
    }

    public String summary() {
        return layers.isEmpty() ? "remove " + count + " least sensitive layer" + (count == 1 ? "" : "s")
                : "remove " + String.join(", ", layers);
    }
}
