package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Activation quantization as fake-quantize layers: dynamic puts one before every dense layer, with the
 * range taken from each batch at run time; static puts one before every convolution and dense layer,
 * with the range its input showed (min and max) on the calibration images.
 */
public final class ActivationQuantizer {
    private static final int ACTIVATION_BITS = 8;
    private static final int CALIBRATION_BATCH = 500;

    private final PyTorchRuntime runtime;

    /** @param runtime runs the calibration; may be null when only dynamic quantization is asked for */
    public ActivationQuantizer(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public WeightSet quantize(WeightSet weights, QuantizationSettings settings, LabeledImages calibration) {
        if (settings.mode() != QuantizationSettings.Mode.DYNAMIC && settings.mode() != QuantizationSettings.Mode.STATIC) {
            return weights;
        }
        boolean dynamic = settings.mode() == QuantizationSettings.Mode.DYNAMIC;
        if (!dynamic && (runtime == null || calibration == null)) {
            throw new IllegalStateException("static quantization needs calibration images, and none are loaded here");
        }
        NetworkSpec spec = weights.spec();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            boolean dense = layer instanceof Layer.Dense;
            if (dynamic && dense) {
                layers.add(new Layer.FakeQuant(ACTIVATION_BITS, true, 0, 0));
            } else if (!dynamic && (dense || layer instanceof Layer.Conv)) {
                float[] range = inputRange(weights, i, calibration.first(settings.calibrationSamples()));
                layers.add(new Layer.FakeQuant(ACTIVATION_BITS, false, range[0], range[1]));
            }
            layers.add(layer);
        }
        return new WeightSet(spec.withLayers(layers), weights.tensors());
    }

    /** Min and max (widened to include zero) of what layer {@code index} receives on the images. */
    private float[] inputRange(WeightSet weights, int index, LabeledImages images) {
        NetworkSpec spec = weights.spec();
        float[] range = {0, 0};
        if (index == 0) {
            widen(range, images.scaledPixels(0, images.size()));
            return range;
        }
        NetworkSpec prefix = spec.withLayers(spec.layers().subList(0, index));
        WeightSet prefixWeights = new WeightSet(prefix, weights.tensors().subList(0, spec.firstTensorOfLayer()[index]));
        try (LoadedNetwork network = LoadedNetwork.load(prefixWeights, runtime)) {
            for (int from = 0; from < images.size(); from += CALIBRATION_BATCH) {
                int count = Math.min(CALIBRATION_BATCH, images.size() - from);
                widen(range, network.logits(images.scaledPixels(from, count), count));
            }
        }
        return range;
    }

    private static void widen(float[] range, float[] values) {
        for (float v : values) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
    }
}
