package org.paretowb.services.compress;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import org.paretowb.models.recipe.QuantizationSettings;

/**
 * The range of one tensor over the calibration batches: min and max, or the 0.01st and 99.99th percentiles of
 * its values (of at most {@value #SAMPLE} of them, taken evenly from each batch), widened to include zero.
 */
final class RangeObserver {
    static final int SAMPLE = 1 << 21;

    private final QuantizationSettings.Observer observer;
    private float low;
    private float high;
    private float[] sample = new float[0];

    RangeObserver(QuantizationSettings.Observer observer) {
        this.observer = observer;
    }

    void add(NDArray values) {
        if (observer == QuantizationSettings.Observer.PERCENTILE) {
            add(values.toFloatArray());
        } else {
            low = Math.min(low, values.min().getFloat());
            high = Math.max(high, values.max().getFloat());
        }
    }

    void add(float[] values) {
        for (float v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        if (observer == QuantizationSettings.Observer.PERCENTILE) {
            int step = Math.max(1, values.length / (SAMPLE / 8));
            int taken = (values.length + step - 1) / step;
            float[] more = Arrays.copyOf(sample, sample.length + taken);
            for (int i = 0, at = sample.length; i < values.length; i += step) {
                more[at++] = values[i];
            }
            sample = more.length > SAMPLE ? thinned(more) : more;
        }
    }

    private static float[] thinned(float[] values) {
        float[] half = new float[values.length / 2];
        for (int i = 0; i < half.length; i++) {
            half[i] = values[2 * i];
        }
        return half;
    }

    float[] range() {
        if (observer != QuantizationSettings.Observer.PERCENTILE || sample.length == 0) {
            return new float[] {Math.min(0, low), Math.max(0, high)};
        }
        float[] sorted = sample.clone();
        Arrays.sort(sorted);
        double tail = (100 - QuantizationSettings.Observer.PERCENTILE_KEPT) / 100;
        int lowIndex = (int) Math.floor(tail * (sorted.length - 1));
        int highIndex = (int) Math.ceil((1 - tail) * (sorted.length - 1));
        return new float[] {Math.min(0, sorted[lowIndex]), Math.max(0, sorted[highIndex])};
    }
}
