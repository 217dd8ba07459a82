package org.paretowb.models.network;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.paretowb.models.data.Normalisation;

/**
 * The text forms of a model's settings, as a file's metadata, the command line and the settings dialog write
 * them: comma-separated class names, and comma-separated means and stds (one per channel, or one for all).
 * Parsing failures are {@link IllegalArgumentException}s with a message a user can read.
 */
public final class SettingsText {
    private SettingsText() {
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
