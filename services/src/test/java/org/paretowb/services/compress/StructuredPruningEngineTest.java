package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.models.recipe.StructuredPruningSettings.Norm;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** The rebuilt network computes what the original computes with the removed units silenced. */
class StructuredPruningEngineTest {
    private static PyTorchRuntime runtime;
    private static float[] images;

    @BeforeAll
    static void startEngine() throws Exception {
        runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        images = new FashionMnist().testSet().scaledPixels(0, 64);
    }

    @Test
    void rebuiltNetworksGiveTheMaskedOriginalsLogits() throws Exception {
        ChannelPruner pruner = new ChannelPruner();
        for (Architecture architecture : Architecture.values()) {
            WeightSet original = new ExampleWeights().load(architecture);
            for (double ratio : new double[] {0.25, 0.5, 0.75}) {
                for (Norm norm : Norm.values()) {
                    ChannelPruner.Plan plan = pruner.plan(original, new StructuredPruningSettings(ratio, norm));
                    float[] rebuilt = logits(pruner.rebuild(original, plan));
                    float[] masked = logits(pruner.mask(original, plan));
                    float worst = 0;
                    for (int i = 0; i < rebuilt.length; i++) {
                        worst = Math.max(worst, Math.abs(rebuilt[i] - masked[i]));
                    }
                    assertEquals(64 * 10, rebuilt.length);
                    assertTrue(worst <= 1e-4, architecture + " " + ratio + " " + norm + ": max |diff| " + worst);
                }
            }
        }
    }

    private static float[] logits(WeightSet weights) {
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            return network.logits(images, 64);
        }
    }
}
