package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.services.compress.MagnitudePruner;

class SizeProbeTest {
    @Test
    void sizeFallsAsSparsityRises() throws Exception {
        for (Architecture architecture : Architecture.values()) {
            WeightSet weights = new ExampleWeights().load(architecture);
            long previous = Long.MAX_VALUE;
            for (double sparsity : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95}) {
                long size = new SizeProbe().sizeBytes(new MagnitudePruner().prune(weights, new PruningSettings(sparsity)));
                assertTrue(size < previous, architecture + " at " + sparsity + ": " + size + " >= " + previous);
                previous = size;
            }
        }
    }

    @Test
    void denseSizeIsFourBytesAParameterPlusASmallHeader() throws Exception {
        WeightSet weights = new ExampleWeights().load(Architecture.CNN);
        long size = new SizeProbe().sizeBytes(weights);

        assertTrue(size >= 4 * weights.parameters() && size < 4 * weights.parameters() + 1024, "size " + size);
    }

    @Test
    void theCountIsTheLengthOfTheFileTheCodecWrites() throws Exception {
        for (Architecture architecture : Architecture.values()) {
            WeightSet weights = new ExampleWeights().load(architecture);
            for (double sparsity : new double[] {0, 0.5, 0.95}) {
                WeightSet pruned = new MagnitudePruner().prune(weights, new PruningSettings(sparsity));
                org.junit.jupiter.api.Assertions.assertEquals(
                        new org.paretowb.models.network.WeightCodec().encode(pruned).length,
                        new SizeProbe().sizeBytes(pruned), architecture + " at " + sparsity);
            }
        }
    }
}
