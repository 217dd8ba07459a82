package org.paretowb.views.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.input.SettingsText;

/**
 * State of the input settings dialog: the model's input shape (stated by its network, so shown, not edited),
 * mean and std per channel as text, and one class name per line. Every edit is checked at once; the message
 * says what is wrong, and there are settings to apply only when nothing is.
 */
public final class InputSettingsViewModel {
    private final NetworkSpec spec;
    private final ModelSettings current;
    private final StringProperty mean = new SimpleStringProperty();
    private final StringProperty std = new SimpleStringProperty();
    private final StringProperty classNames = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty(true);

    public InputSettingsViewModel(ModelSettings current, NetworkSpec spec) {
        this.spec = spec;
        this.current = current;
        mean.set(SettingsText.show(current.normalisation().mean()));
        std.set(SettingsText.show(current.normalisation().std()));
        classNames.set(String.join("\n", current.classNames()));
        mean.addListener((obs, old, now) -> check());
        std.addListener((obs, old, now) -> check());
        classNames.addListener((obs, old, now) -> check());
        check();
    }

    /** The settings the fields describe, or empty (the message says why). */
    public Optional<ModelSettings> settings() {
        try {
            ModelSettings settings = current.withNormalisation(SettingsText.normalisation(mean.get(), std.get()))
                    .withClassNames(names());
            String misfit = settings.misfit(spec);
            if (misfit != null) {
                throw new IllegalArgumentException(misfit);
            }
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void check() {
        String problem = null;
        try {
            ModelSettings settings = current.withNormalisation(SettingsText.normalisation(mean.get(), std.get()))
                    .withClassNames(names());
            problem = settings.misfit(spec);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        message.set(problem == null ? "" : capitalised(problem) + ".");
        valid.set(problem == null);
    }

    /** One name per line; blank lines at the end are ignored, blank lines between names are not. */
    private List<String> names() {
        List<String> lines = Arrays.stream(classNames.get().split("\\R", -1)).map(String::strip)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "1x28x28 (channels x height x width)" */
    public String shape() {
        return current.shape() + " (channels x height x width)";
    }

    public int channels() {
        return current.channels();
    }

    public int classes() {
        return spec.outputs();
    }

    /** Comma-separated, one value per channel or one for all. */
    public StringProperty meanProperty() {
        return mean;
    }

    public StringProperty stdProperty() {
        return std;
    }

    /** One class name per line, in the order of the model's outputs. */
    public StringProperty classNamesProperty() {
        return classNames;
    }

    /** What is wrong with the fields; empty when nothing is. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }
}
