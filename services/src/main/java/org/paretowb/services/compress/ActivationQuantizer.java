package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.Arrays;
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
 * with the range its input showed on the calibration images (min and max, or percentiles), and one before
 * every activation other than ReLU: an int8 layer's output is quantized before such an activation (a ReLU
 * is fused into the layer's kernel, the others are not), so it needs the range in front of it.
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
            } else if (!dynamic && (dense || layer instanceof Layer.Conv || layer instanceof Layer.Activation)) {
                float[] range = inputRange(weights, i, calibration.first(settings.calibrationSamples()),
                        settings.observer());
                layers.add(new Layer.FakeQuant(ACTIVATION_BITS, false, range[0], range[1]));
            }
            layers.add(layer);
        }
        return new WeightSet(spec.withLayers(layers), weights.tensors());
    }

    /** The observer's range (widened to include zero) of what layer {@code index} receives on the images. */
    private float[] inputRange(WeightSet weights, int index, LabeledImages images, QuantizationSettings.Observer observer) {
        NetworkSpec spec = weights.spec();
        if (index == 0) {
            return range(images.scaledPixels(0, images.size()), observer);
        }
        NetworkSpec prefix = spec.withLayers(spec.layers().subList(0, index));
        WeightSet prefixWeights = new WeightSet(prefix, weights.tensors().subList(0, spec.firstTensorOfLayer()[index]));
        List<float[]> batches = new ArrayList<>();
        int total = 0;
        try (LoadedNetwork network = LoadedNetwork.load(prefixWeights, runtime)) {
            for (int from = 0; from < images.size(); from += CALIBRATION_BATCH) {
                int count = Math.min(CALIBRATION_BATCH, images.size() - from);
                float[] values = network.logits(images.scaledPixels(from, count), count);
                batches.add(values);
                total += values.length;
            }
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] b : batches) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return range(all, observer);
    }

    /** Min and max, or the 0.01st and 99.99th percentiles, of the values; widened to include zero. */
    static float[] range(float[] values, QuantizationSettings.Observer observer) {
        float low = 0;
        float high = 0;
        if (observer == QuantizationSettings.Observer.PERCENTILE && values.length > 0) {
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            double tail = (100 - QuantizationSettings.Observer.PERCENTILE_KEPT) / 100;
            int lowIndex = (int) Math.floor(tail * (sorted.length - 1));
            int highIndex = (int) Math.ceil((1 - tail) * (sorted.length - 1));
            low = Math.min(0, sorted[lowIndex]);
            high = Math.max(0, sorted[highIndex]);
        } else {
            for (float v : values) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return new float[] {low, high};
    }
}
