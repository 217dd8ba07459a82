package org.paretowb.app;

import java.util.Map;
import org.paretowb.models.network.ModelSettings;
import org.paretowb.models.network.SettingsText;

/**
 * A model's settings as a file's metadata states them: keys {@code class_names} (comma-separated),
 * {@code mean} and {@code std} (comma-separated, one per channel or one for all), in the text forms of
 * {@link SettingsText}.
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
                out = out.withClassNames(SettingsText.classNames(metadata.get(CLASS_NAMES)));
            }
            if (metadata.containsKey(MEAN) || metadata.containsKey(STD)) {
                out = out.withNormalisation(SettingsText.normalisation(metadata.getOrDefault(MEAN, "0"),
                        metadata.getOrDefault(STD, "1")));
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": its metadata does not describe the model's input: " + e.getMessage(), e);
        }
    }
}
