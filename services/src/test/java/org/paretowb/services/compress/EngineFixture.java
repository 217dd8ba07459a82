package org.paretowb.services.compress;

import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** The engine and 64 test images, for tests that compare a rewritten network's logits with another's. */
final class EngineFixture {
    static final int IMAGES = 64;

    private final PyTorchRuntime runtime = new PyTorchRuntime();
    private final float[] images;

    EngineFixture() throws DatasetException {
        runtime.prepareInferenceThread();
        images = new FashionMnist().testSet().scaledPixels(0, IMAGES);
    }

    float[] logits(WeightSet weights) {
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            return network.logits(images, IMAGES);
        }
    }

    /** The largest absolute difference between the two networks' logits on the fixture's images. */
    float maxDifference(WeightSet a, WeightSet b) {
        float[] x = logits(a);
        float[] y = logits(b);
        float worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst;
    }
}
