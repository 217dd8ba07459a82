package org.paretowb.views.workbench;

import org.paretowb.views.knobs.Int8LayerChoice;
import org.paretowb.views.knobs.QuantizationSection;

import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;

/** The quantization section's controls, with readable names, bound to its knobs. */
final class QuantizationControls {
    private QuantizationControls() {
    }

    static void bind(ChoiceBox<QuantizationSettings.Mode> mode, ChoiceBox<Integer> bits, ChoiceBox<Int8Layers> layers,
                     QuantizationSection model) {
        mode.getItems().setAll(QuantizationSettings.Mode.values());
        mode.setConverter(named(m -> switch (m) {
            case OFF -> "Off (fp32)";
            case WEIGHT -> "Weights only";
            case DYNAMIC -> "Dynamic int8";
            case STATIC -> "Static int8";
        }));
        mode.valueProperty().bindBidirectional(model.modeProperty());
        bits.getItems().setAll(8, 4, 2);
        bits.setConverter(named(b -> b + " bits"));
        bits.valueProperty().bindBidirectional(model.bitsProperty());
        bits.disableProperty().bind(model.modeProperty().isEqualTo(QuantizationSettings.Mode.OFF));
        layers.setItems(model.int8Choice().choices());
        layers.setConverter(named(Int8LayerChoice::describe));
        layers.valueProperty().bindBidirectional(model.int8LayersProperty());
        layers.disableProperty().bind(model.modeProperty().isNotEqualTo(QuantizationSettings.Mode.STATIC));
    }

    /**
     * The "Choose layers…" button: a checklist of the network's layers; the ticked ones become the int8
     * layers knob's value, in static int8 (a knob change: measured and undoable).
     */
    static void bindChooser(javafx.scene.control.Button choose, QuantizationSection model,
                            java.util.function.Supplier<javafx.stage.Window> owner) {
        Int8LayerChoice choice = model.int8Choice();
        choose.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(choice.layers()));
        choose.setOnAction(e -> new Int8LayersDialog(java.util.List.copyOf(choice.layers()), choice.ticked(), owner.get())
                .showAndWait().ifPresent(choice::choose));
    }

    /** The per-channel and symmetric switches (ControlsFX) and the calibration size, bound to the view model. */
    static void bindFlags(org.controlsfx.control.ToggleSwitch perChannel, org.controlsfx.control.ToggleSwitch symmetric,
                          ChoiceBox<Integer> calibration, QuantizationSection model) {
        perChannel.selectedProperty().bindBidirectional(model.perChannelProperty());
        symmetric.selectedProperty().bindBidirectional(model.symmetricProperty());
        calibration.getItems().setAll(100, 500, 1000, 2000, 5000);
        calibration.setConverter(named(n -> String.format(java.util.Locale.ROOT, "%,d images", n)));
        calibration.valueProperty().bindBidirectional(model.calibrationImagesProperty());
        javafx.beans.binding.BooleanBinding off = model.modeProperty().isEqualTo(QuantizationSettings.Mode.OFF);
        perChannel.disableProperty().bind(off);
        symmetric.disableProperty().bind(off);
        calibration.disableProperty().bind(model.modeProperty().isNotEqualTo(QuantizationSettings.Mode.STATIC));
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
