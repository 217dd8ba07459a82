package org.paretowb.models.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

/** Weights of small random values for a network description. */
final class WeightSetFixture {
    private WeightSetFixture() {
    }

    static WeightSet random(NetworkSpec spec, long seed) {
        Random random = new Random(seed);
        List<Tensor> tensors = new ArrayList<>();
        int i = 0;
        for (long[] shape : spec.parameterShapes()) {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            float[] values = new float[(int) size];
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) random.nextGaussian() * 0.5f;
            }
            tensors.add(new Tensor("t" + i++, shape, values));
        }
        return new WeightSet(spec, tensors);
    }
}
