package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LowRankSettings;

class LowRankEngineIT {
    private static final LowRankSettings ALL = new LowRankSettings(1, LowRankSettings.Criterion.PARAMETERS,
            LowRankSettings.Target.ALL);
    private static EngineFixture engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = new EngineFixture();
    }

    @Test
    void fullRankFactorizationLeavesTheLogitsUnchanged() throws Exception {
        for (Architecture architecture : Architecture.values()) {
            WeightSet original = new ExampleWeights().load(architecture);
            WeightSet full = new LowRankFactorizer().factorize(original, ALL,
                    (out, in, values) -> Math.min(out, in), false);

            assertTrue(full.spec().layers().size() > original.spec().layers().size(), "layers were split");
            float worst = engine.maxDifference(original, full);
            assertTrue(worst <= 1e-4, architecture + ": max |diff| " + worst);
        }
    }

    @Test
    void aQuarterOfTheFirstDenseLayersParametersGivesTheRankThatFits() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);

        WeightSet low = new LowRankFactorizer().factorize(cnn, new LowRankSettings(0.25));

        int rank = LowRankFactorizer.rank(128, 1568, 0.25);
        assertEquals(29, rank, "floor(0.25 * 128 * 1568 / (128 + 1568))");
        assertEquals("1x28x28 conv16k3p1 bn relu maxpool2 conv32k3p1 bn relu maxpool2 flatten fc1.down=dense29 fc1=dense128 relu"
                + " fc2=dense10",
                low.spec().describe());
        assertTrue(29L * (1568 + 128) <= 0.25 * 128 * 1568);
    }

    @Test
    void aConvolutionBecomesRFiltersAndAOneByOneConvolutionAtFullRankExactly() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);

        WeightSet full = new LowRankFactorizer().factorize(cnn, ALL, (out, in, values) -> Math.min(out, in), false);

        assertEquals("1x28x28 conv1.down=conv9k3p1 conv1=conv16k1p0 bn relu maxpool2 conv2.down=conv32k3p1"
                + " conv2=conv32k1p0 bn relu maxpool2 flatten fc1.down=dense128 fc1=dense128 relu fc2=dense10",
                full.spec().describe(), "rank min(16, 1x3x3) = 9 for the first conv");
        float worst = engine.maxDifference(cnn, full);
        assertTrue(worst <= 1e-4, "max |diff| " + worst);
    }

    @Test
    void halfTheConvolutionsParametersKeepsTheRankThatFitsAndStillClassifies() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);

        WeightSet low = new LowRankFactorizer().factorize(cnn, new LowRankSettings(0.5,
                LowRankSettings.Criterion.PARAMETERS, LowRankSettings.Target.CONV));

        // first conv: floor(0.5 * 16 * 9 / 25) = 2; second: floor(0.5 * 32 * 144 / 176) = 13
        assertEquals("1x28x28 conv1.down=conv2k3p1 conv1=conv16k1p0 bn relu maxpool2 conv2.down=conv13k3p1"
                + " conv2=conv32k1p0 bn relu maxpool2 flatten dense128 relu dense10", low.spec().describe(),
                "each factorized layer keeps its name, so its readers and its int8 choice still find it");
        assertTrue(low.parameters() < cnn.parameters());
    }
}
