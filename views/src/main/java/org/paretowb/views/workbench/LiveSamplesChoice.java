package org.paretowb.views.workbench;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** The status bar's choice of how many images each live point is measured on, bound to the view model. */
final class LiveSamplesChoice {
    private LiveSamplesChoice() {
    }

    static void bind(ChoiceBox<Integer> liveSamples, WorkbenchViewModel model) {
        liveSamples.getItems().setAll(1000, 2000, 5000, 0);
        liveSamples.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n == 0 ? "all images" : String.format(Locale.ROOT, "%,d images", n);
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        });
        liveSamples.setValue(model.liveSamplesProperty().get());
        liveSamples.valueProperty().addListener((obs, old, n) -> model.liveSamplesProperty().set(n));
        model.liveSamplesProperty().addListener((obs, old, n) -> liveSamples.setValue(n.intValue())); // chosen on start
        Tooltip liveTip = new Tooltip();
        liveTip.textProperty().bind(Bindings.createStringBinding(() -> model.liveSetProperty().get().isEmpty()
                ? "The images each live point is measured on" : model.liveSetProperty().get(), model.liveSetProperty()));
        liveTip.setWrapText(true);
        liveTip.setMaxWidth(480);
        liveSamples.setTooltip(liveTip);
    }
}
