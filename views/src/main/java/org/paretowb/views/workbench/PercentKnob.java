package org.paretowb.views.workbench;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/**
 * A percentage knob: a slider and a field bound to one view-model property. A drag asks for a
 * measurement when it pauses for {@value #PAUSE_MILLIS} ms and on release (unless that value was just
 * asked for); a click on the track, an arrow key or a typed value (Enter) at once. A newer request
 * supersedes the one in flight on the compute lane. Moved with the pointer, the slider snaps to whole percents
 * while {@code snap} is on (the default); a typed value is kept as typed (49.9), and shown so.
 */
final class PercentKnob {
    private final Slider slider;
    private final TextField field;
    private final String what;
    private final Consumer<String> onError;
    static final int PAUSE_MILLIS = 150;
    private double requested = Double.NaN;

    private PercentKnob(Slider slider, TextField field, String what, Consumer<String> onError) {
        this.slider = slider;
        this.field = field;
        this.what = what;
        this.onError = onError;
    }

    static void bind(Slider slider, TextField field, DoubleProperty value, double max, String what,
                     Runnable onChange, Consumer<String> onError) {
        bind(slider, field, value, max, what, onChange, onError, new javafx.beans.property.SimpleBooleanProperty(true));
    }

    static void bind(Slider slider, TextField field, DoubleProperty value, double max, String what,
                     Runnable onChange, Consumer<String> onError, javafx.beans.value.ObservableBooleanValue snap) {
        PercentKnob knob = new PercentKnob(slider, field, what, onError);
        slider.setMax(max);
        slider.valueProperty().bindBidirectional(value);
        boolean[] pointer = {false};
        slider.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> pointer[0] = true);
        slider.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> pointer[0] = false);
        slider.valueProperty().addListener((obs, old, now) -> {
            double whole = Math.round(now.doubleValue());
            if (pointer[0] && snap.get() && whole != now.doubleValue()) {
                slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), whole)));
            }
        });
        PauseTransition pause = new PauseTransition(Duration.millis(PAUSE_MILLIS));
        pause.setOnFinished(e -> knob.request(onChange));
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                pause.stop();
                if (slider.getValue() != knob.requested) {
                    knob.request(onChange);
                }
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            field.setText(percent(now.doubleValue()));
            if (slider.isValueChanging()) {
                pause.playFromStart();
            } else {
                knob.request(onChange);
            }
        });
        field.setText(percent(slider.getValue()));
        field.setOnAction(e -> knob.applyTyped());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                field.setText(percent(slider.getValue()));
            }
        });
    }

    private void request(Runnable onChange) {
        requested = slider.getValue();
        onChange.run();
    }

    private void applyTyped() {
        String text = field.getText().trim().replace("%", "").replace(',', '.');
        try {
            double typed = Double.parseDouble(text);
            if (!(typed >= slider.getMin() && typed <= slider.getMax())) {
                throw new NumberFormatException();
            }
            slider.setValue(typed);
        } catch (NumberFormatException e) {
            onError.accept(what + " must be a number from " + (int) slider.getMin() + " to " + (int) slider.getMax()
                    + "; '" + field.getText()
                    + "' is not.");
            field.setText(percent(slider.getValue()));
        }
    }

    /** The knob's value as it is: 50, 49.9 (no trailing zeros, at most the 0.1 the recipe keeps). */
    static String percent(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.1f", value)).stripTrailingZeros().toPlainString();
    }
}
