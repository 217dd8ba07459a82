package org.paretowb.app;

import java.util.List;
import java.util.Map;
import org.paretowb.app.cli.UserError;
import org.paretowb.models.data.Normalisation;
import org.paretowb.models.network.ModelSettings;
import org.paretowb.models.network.SettingsText;

/**
 * A model's settings as a file's metadata states them: keys {@code class_names} (comma-separated),
 * {@code mean} and {@code std} (comma-separated, one per channel or one for all). The same text forms are
 * what the command line's {@code --class-names}, {@code --mean} and {@code --std} take.
 */
public final class SettingsMetadata {
    public static final String CLASS_NAMES = "class_names";
    public static final String MEAN = "mean";
    public static final String STD = "std";

    private SettingsMetadata() {
    }

    /** {@code defaults} with whatever the metadata states; a malformed entry is a message naming the file. */
    public static ModelSettings read(Map<String, String> metadata, ModelSettings defaults, String source) {
        try {
            ModelSettings out = defaults;
            if (metadata.containsKey(CLASS_NAMES)) {
                out = out.withClassNames(classNames(metadata.get(CLASS_NAMES)));
            }
            if (metadata.containsKey(MEAN) || metadata.containsKey(STD)) {
                out = out.withNormalisation(normalisation(metadata.getOrDefault(MEAN, "0"),
                        metadata.getOrDefault(STD, "1")));
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": its metadata does not describe the model's input: " + e.getMessage(), e);
        }
    }

    /** The metadata entries that state {@code settings}. */
    public static Map<String, String> write(ModelSettings settings) {
        return Map.of(CLASS_NAMES, String.join(",", settings.classNames()),
                MEAN, join(settings.normalisation().mean()), STD, join(settings.normalisation().std()));
    }

    public static List<String> classNames(String text) {
        return SettingsText.classNames(text);
    }

    public static Normalisation normalisation(String mean, String std) {
        return SettingsText.normalisation(mean, std);
    }

    private static String join(float[] values) {
        return SettingsText.join(values);
    }
}
