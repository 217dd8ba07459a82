package org.paretowb.services.usecase;

import java.util.Map;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.SettingsText;

/**
 * A model's settings as a file's metadata states them: keys {@code class_names} (comma-separated),
 * {@code mean} and {@code std} (comma-separated, one per channel or one for all) and {@code input_shape}, in the
 * text forms of {@link SettingsText}.
 */
public final class SettingsMetadata {
    public static final String CLASS_NAMES = SettingsText.CLASS_NAMES;
    public static final String MEAN = SettingsText.MEAN;
    public static final String STD = SettingsText.STD;

    private SettingsMetadata() {
    }

    /** {@code defaults} with whatever the metadata states; a malformed entry is a message naming the file. */
    public static ModelSettings read(Map<String, String> metadata, ModelSettings defaults, String source) {
        try {
            return SettingsText.read(metadata, defaults);
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": its metadata does not describe the model's input: " + e.getMessage(), e);
        }
    }
}
