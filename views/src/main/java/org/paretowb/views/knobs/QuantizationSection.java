package org.paretowb.views.knobs;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

/**
 * Quantization: the mode, the weights' bits, per channel or per tensor, symmetric or not, and for static int8
 * the calibration images and the layers that run int8 kernels.
 */
public final class QuantizationSection implements KnobSection {
    /** Static mode calibrates on this many training images unless the knob says otherwise. */
    public static final int CALIBRATION_IMAGES = 1000;

    private final ObjectProperty<QuantizationSettings.Mode> mode = new SimpleObjectProperty<>(QuantizationSettings.Mode.OFF);
    private final ObjectProperty<Integer> bits = new SimpleObjectProperty<>(8);
    private final BooleanProperty perChannel = new SimpleBooleanProperty(true);
    private final BooleanProperty symmetric = new SimpleBooleanProperty(true);
    private final ObjectProperty<Integer> calibrationImages = new SimpleObjectProperty<>(CALIBRATION_IMAGES);
    private final ObjectProperty<Int8Layers> int8Layers = new SimpleObjectProperty<>(Int8Layers.WHERE_IT_PAYS);
    private final Int8LayerChoice int8Choice = new Int8LayerChoice(int8Layers, mode);

    @Override
    public void apply(Recipe.Builder recipe) {
        recipe.quantization(settings());
    }

    private QuantizationSettings settings() {
        QuantizationSettings.Mode m = mode.get();
        if (m == QuantizationSettings.Mode.OFF) {
            return QuantizationSettings.NONE;
        }
        return new QuantizationSettings(m, bits.get(), perChannel.get(), symmetric.get(),
                m == QuantizationSettings.Mode.STATIC ? calibrationImages.get() : 0,
                QuantizationSettings.Observer.MIN_MAX, int8Layers.get());
    }

    /** Sets the mode last: the int8 layers knob is read in static mode only. */
    @Override
    public void restoreFrom(Recipe recipe) {
        QuantizationSettings q = recipe.quantization();
        bits.set(q.active() ? q.bits() : 8);
        perChannel.set(q.perChannel());
        symmetric.set(q.symmetric());
        calibrationImages.set(q.calibrationSamples() > 0 ? q.calibrationSamples() : CALIBRATION_IMAGES);
        int8Layers.set(q.active() ? q.int8Layers() : Int8Layers.WHERE_IT_PAYS);
        mode.set(q.mode());
    }

    @Override
    public List<Observable> measuredOnChange() {
        return List.of(mode, bits, perChannel, symmetric, calibrationImages, int8Layers);
    }

    /** Static int8 where it pays, with the other knobs' values: what the int8 profile times. */
    public static QuantizationSettings staticWhereItPays() {
        return new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, CALIBRATION_IMAGES,
                QuantizationSettings.Observer.MIN_MAX, Int8Layers.WHERE_IT_PAYS);
    }

    public ObjectProperty<QuantizationSettings.Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Integer> bitsProperty() {
        return bits;
    }

    public BooleanProperty perChannelProperty() {
        return perChannel;
    }

    public BooleanProperty symmetricProperty() {
        return symmetric;
    }

    public ObjectProperty<Integer> calibrationImagesProperty() {
        return calibrationImages;
    }

    public ObjectProperty<Int8Layers> int8LayersProperty() {
        return int8Layers;
    }

    /** The int8 layers knob's choices, the layers chosen by hand among them. */
    public Int8LayerChoice int8Choice() {
        return int8Choice;
    }
}
