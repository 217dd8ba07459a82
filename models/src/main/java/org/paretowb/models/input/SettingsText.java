package org.paretowb.models.input;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text forms of a model's settings, as a file's metadata, the command line and the settings dialog write
 * them: comma-separated class names, and comma-separated means and stds (one per channel, or one for all).
 * Parsing failures are {@link IllegalArgumentException}s with a message a user can read.
 *
 * <p>As metadata (an ONNX file's metadata_props, the settings an export writes into .pwb and .djl files) they are
 * the keys {@value #CLASS_NAMES}, {@value #MEAN}, {@value #STD} and {@value #INPUT_SHAPE} ("3,32,32").
 */
public final class SettingsText {
    public static final String CLASS_NAMES = "class_names";
    public static final String MEAN = "mean";
    public static final String STD = "std";
    public static final String INPUT_SHAPE = "input_shape";

    private SettingsText() {
    }

    /** The settings as metadata entries (every key, in a fixed order). */
    public static java.util.Map<String, String> metadata(ModelSettings settings) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put(INPUT_SHAPE, settings.channels() + "," + settings.height() + "," + settings.width());
        out.put(MEAN, join(settings.normalisation().mean()));
        out.put(STD, join(settings.normalisation().std()));
        out.put(CLASS_NAMES, String.join(",", settings.classNames()));
        return out;
    }

    /** Whether metadata states the normalisation (a mean or a std). */
    public static boolean statesNormalisation(java.util.Map<String, String> metadata) {
        return metadata.containsKey(MEAN) || metadata.containsKey(STD);
    }

    /**
     * {@code defaults} with whatever {@code metadata} states; a malformed entry is an {@link IllegalArgumentException}.
     * An input shape is taken as stated (the caller checks it against the network).
     */
    public static ModelSettings read(java.util.Map<String, String> metadata, ModelSettings defaults) {
        ModelSettings out = defaults;
        if (metadata.containsKey(INPUT_SHAPE)) {
            String[] parts = metadata.get(INPUT_SHAPE).split(",", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(INPUT_SHAPE + " '" + metadata.get(INPUT_SHAPE)
                        + "' is not three sizes C,H,W");
            }
            try {
                out = out.withShape(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(INPUT_SHAPE + " '" + metadata.get(INPUT_SHAPE)
                        + "' is not three whole sizes C,H,W");
            }
        }
        if (metadata.containsKey(CLASS_NAMES)) {
            out = out.withClassNames(classNames(metadata.get(CLASS_NAMES)));
        }
        if (statesNormalisation(metadata)) {
            out = out.withNormalisation(normalisation(metadata.getOrDefault(MEAN, "0"), metadata.getOrDefault(STD, "1")));
        }
        return out;
    }

    public static List<String> classNames(String text) {
        return Arrays.stream(text.split(",", -1)).map(String::strip).toList();
    }

    public static Normalisation normalisation(String mean, String std) {
        return new Normalisation(floats(mean, "mean"), floats(std, "std"));
    }

    /** "0.5,0.25" (as the parsers read it back). */
    public static String join(float[] values) {
        StringBuilder out = new StringBuilder();
        for (float v : values) {
            out.append(out.length() == 0 ? "" : ",").append(v);
        }
        return out.toString();
    }

    /** "0.5, 0.25" with short numbers, for people to edit. */
    public static String show(float[] values) {
        StringBuilder out = new StringBuilder();
        for (float v : values) {
            String number = String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2")
                    .replaceFirst("\\.($|e)", "$1");
            out.append(out.length() == 0 ? "" : ", ").append(number);
        }
        return out.toString();
    }

    private static float[] floats(String text, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("give at least one " + what + " value");
        }
        String[] parts = text.split(",", -1);
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                out[i] = Float.parseFloat(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " value '" + part + "' is not a number");
            }
        }
        return out;
    }
}
