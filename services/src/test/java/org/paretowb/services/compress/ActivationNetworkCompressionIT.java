package org.paretowb.services.compress;

import org.paretowb.models.network.Dense;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.models.recipe.StructuredPruningSettings.Norm;
import org.paretowb.services.onnx.TorchActivationNetworks;

/** Structured pruning and low-rank on imported PyTorch networks with leaky ReLU, sigmoid and tanh. */
class ActivationNetworkCompressionIT {
    private static final LowRankSettings ALL = new LowRankSettings(1, LowRankSettings.Criterion.PARAMETERS,
            LowRankSettings.Target.ALL);
    private static EngineFixture engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = new EngineFixture();
    }

    @Test
    void keepingEveryChannelRebuildsANetworkWithTheSameLogits() throws Exception {
        ChannelPruner pruner = new ChannelPruner();
        for (String name : TorchActivationNetworks.NAMES) {
            WeightSet imported = TorchActivationNetworks.imported(name);

            WeightSet rebuilt = pruner.rebuild(imported, pruner.plan(imported, new StructuredPruningSettings(0, Norm.L1)));

            assertEquals(imported.spec(), rebuilt.spec());
            float worst = engine.maxDifference(imported, rebuilt);
            assertTrue(worst <= 1e-4, name + ": max |diff| " + worst);
        }
    }

    @Test
    void fullRankFactorizationThroughActivationsLeavesTheLogitsUnchanged() throws Exception {
        for (String name : TorchActivationNetworks.NAMES) {
            WeightSet imported = TorchActivationNetworks.imported(name);

            WeightSet full = new LowRankFactorizer().factorize(imported, ALL, (out, in, values) -> Math.min(out, in), false);

            assertTrue(full.spec().layers().size() > imported.spec().layers().size(), "layers were split");
            float worst = engine.maxDifference(imported, full);
            assertTrue(worst <= 1e-4, name + ": max |diff| " + worst);
        }
    }

    @Test
    void removedChannelsBehindLeakyReluAndTanhGiveTheMaskedOriginalsLogits() throws Exception {
        ChannelPruner pruner = new ChannelPruner();
        WeightSet cnn = TorchActivationNetworks.imported("activations-cnn");
        ChannelPruner.Plan plan = pruner.plan(cnn, new StructuredPruningSettings(0.5, Norm.L2));
        // the sigmoid after the hidden dense layer maps a silenced unit to 0.5, not 0: keep all of its units
        int dense = cnn.spec().layers().indexOf(new org.paretowb.models.network.Dense(16));
        java.util.Map<Integer, int[]> kept = new java.util.HashMap<>(plan.kept());
        kept.put(dense, java.util.stream.IntStream.range(0, 16).toArray());

        WeightSet rebuilt = pruner.rebuild(cnn, new ChannelPruner.Plan(kept));

        assertEquals("1x28x28 conv2k3p1 bn leakyrelu0.1 maxpool2 conv4k3p1 tanh avgpool2 flatten dense16 sigmoid dense10",
                rebuilt.spec().describe());
        float worst = engine.maxDifference(rebuilt, pruner.mask(cnn, new ChannelPruner.Plan(kept)));
        assertTrue(worst <= 1e-4, "max |diff| " + worst);
    }
}
