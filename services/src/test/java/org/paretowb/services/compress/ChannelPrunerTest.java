package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.models.recipe.StructuredPruningSettings.Norm;

class ChannelPrunerTest {
    private final ChannelPruner pruner = new ChannelPruner();

    @Test
    void halfTheCnnsChannelsAndNeuronsGoAndTheNetworkIsRebuiltSmaller() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);

        WeightSet half = pruner.prune(cnn, new StructuredPruningSettings(0.5, Norm.L1));

        assertEquals("1x28x28 conv8k3p1 bn relu maxpool2 conv16k3p1 bn relu maxpool2 flatten dense64 relu dense10",
                half.spec().describe());
        assertArrayEquals(new long[] {64, 16 * 7 * 7}, half.tensors().get(12).shape(), "cut across the flatten");
        assertTrue(half.spec().macs() <= cnn.spec().macs() / 2, half.spec().macs() + " vs " + cnn.spec().macs());
        assertTrue(half.parameters() < cnn.parameters() / 3);
    }

    @Test
    void theStrongestNeuronsStayInTheirOrderWithTheirInputs() {
        // input 2 features -> dense 3 -> dense 1; neuron 1 is the weakest by L1 and L2 (its weights in, and out: all 7)
        NetworkSpec spec = NetworkSpec.parse("1x1x2 flatten dense3 relu dense1");
        WeightSet weights = new WeightSet(spec, List.of(
                new Tensor("w1", new long[] {3, 2}, new float[] {1, -2, 0.1f, 0.1f, -3, 1}),
                new Tensor("b1", new long[] {3}, new float[] {0.5f, 0.6f, 0.7f}),
                new Tensor("w2", new long[] {1, 3}, new float[] {7, 7, 7}),
                new Tensor("b2", new long[] {1}, new float[] {0.1f})));

        for (Norm norm : Norm.values()) {
            WeightSet pruned = pruner.prune(weights, new StructuredPruningSettings(0.34, norm));

            assertEquals("1x1x2 flatten dense2 relu dense1", pruned.spec().describe());
            assertArrayEquals(new float[] {1, -2, -3, 1}, pruned.tensors().get(0).values());
            assertArrayEquals(new float[] {0.5f, 0.7f}, pruned.tensors().get(1).values());
            assertArrayEquals(new float[] {7, 7}, pruned.tensors().get(2).values(), "next layer loses the column");
            assertArrayEquals(new float[] {0.1f}, pruned.tensors().get(3).values(), "the output layer is kept whole");
        }
    }

    @Test
    void everyLayerKeepsAtLeastOneUnitAndZeroRatioChangesNothing() throws Exception {
        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);

        assertEquals("1x28x28 flatten dense1 relu dense1 relu dense10",
                pruner.prune(mlp, new StructuredPruningSettings(0.999, Norm.L2)).spec().describe());
        assertSame(mlp, pruner.prune(mlp, StructuredPruningSettings.NONE));
    }

    @Test
    void globalScopeRemovesTheRatioOfAllUnitsWhereTheyAreRelativelyWeakest() {
        // two hidden layers: in the first, one neuron is far weaker than its layer's mean; in the second, all are even
        NetworkSpec spec = NetworkSpec.parse("1x1x2 flatten dense3 relu dense3 relu dense1");
        WeightSet weights = new WeightSet(spec, List.of(
                new Tensor("w1", new long[] {3, 2}, new float[] {1, 1, 0.01f, 0.01f, 1, 1}),
                new Tensor("b1", new long[] {3}, new float[] {0, 0, 0}),
                new Tensor("w2", new long[] {3, 3}, new float[] {5, 5, 5, 5, 5, 4.9f, 5, 5, 5}),
                new Tensor("b2", new long[] {3}, new float[] {0, 0, 0}),
                new Tensor("w3", new long[] {1, 3}, new float[] {1, 1, 1}),
                new Tensor("b3", new long[] {1}, new float[] {0})));

        WeightSet pruned = pruner.prune(weights, new StructuredPruningSettings(2 / 6.0, Norm.L1,
                StructuredPruningSettings.Scope.GLOBAL));

        assertEquals("1x1x2 flatten dense2 relu dense2 relu dense1", pruned.spec().describe(),
                "the weak neuron of layer 1 goes first, then the relatively weakest of layer 2");
        assertArrayEquals(new float[] {1, 1, 1, 1}, pruned.tensors().get(0).values());
        assertArrayEquals(new float[] {5, 5, 5, 5}, pruned.tensors().get(2).values(), "row 1 and column 1 gone");
        WeightSet perLayer = pruner.prune(weights, new StructuredPruningSettings(0.5, Norm.L1));
        assertEquals("1x1x2 flatten dense2 relu dense2 relu dense1", perLayer.spec().describe());
    }

    @Test
    void globalScopeOnTheCnnRemovesTheRatioOfAllPrunableUnits() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);

        ChannelPruner.Plan plan = pruner.plan(cnn, new StructuredPruningSettings(0.5, Norm.L2,
                StructuredPruningSettings.Scope.GLOBAL));

        int kept = plan.kept().values().stream().mapToInt(k -> k.length).sum();
        assertTrue(Math.abs((16 + 32 + 128) / 2 - kept) <= 2 * 4, "half of all units, give or take the rounding of the"
                + " two convolutions to a multiple of 8: " + kept);
        assertEquals(0, plan.kept().get(0).length % 8, "conv1 keeps a multiple of 8 channels");
        assertEquals(0, plan.kept().get(4).length % 8, "conv2 keeps a multiple of 8 channels");
        assertEquals(3, plan.kept().size());
    }

    @Test
    void channelsTiedThroughAddsDepthwiseConvolutionsAndMultiplicationsFormOneGroup() {
        assertEquals(List.of(new ChannelPruner.Group(List.of("conv1", "conv2"), 8, 8),
                        new ChannelPruner.Group(List.of("conv3"), 16, 16)),
                pruner.groups(NetworkSpec.parse(GraphNetworks.RESIDUAL)));
        assertEquals(List.of(new ChannelPruner.Group(List.of("conv1", "conv2"), 8, 8),
                        new ChannelPruner.Group(List.of("conv3"), 4, 4)),
                pruner.groups(NetworkSpec.parse(GraphNetworks.DEPTHWISE_CONCAT)));
        assertEquals(List.of(new ChannelPruner.Group(List.of("conv1", "conv3"), 8, 8),
                        new ChannelPruner.Group(List.of("conv2"), 2, 2)),
                pruner.groups(NetworkSpec.parse(GraphNetworks.SQUEEZE_EXCITATION)));
    }

    @Test
    void aGroupLosesItsChannelsTogetherAndEveryReaderIsCutToFit() {
        WeightSet residual = GraphNetworks.random(GraphNetworks.RESIDUAL, 3);
        StructuredPruningSettings half = new StructuredPruningSettings(0.5, Norm.L1);

        assertEquals(List.of(4, 8), pruner.groups(residual, half).stream().map(ChannelPruner.Group::kept).toList());
        assertEquals("1x28x28 conv4k3p1s2 bn relu conv4k3p1 bn add@bn2+relu1 relu conv8k3p1s2 bn relu gap flatten"
                + " dense10", pruner.prune(residual, half).spec().describe());
        assertEquals("1x28x28 conv4k3p1s2 relu conv4k3p1g4 relu conv2k1p0@relu1 concat@relu2+conv3 relu gap flatten"
                        + " dense10",
                pruner.prune(GraphNetworks.random(GraphNetworks.DEPTHWISE_CONCAT, 3), half).spec().describe(),
                "the depthwise convolution keeps one group per channel left");
        assertEquals("1x28x28 conv4k3p1s2 relu gap conv1k1p0 relu conv4k1p0 sigmoid mul@sigmoid1+relu1 gap flatten"
                + " dense10", pruner.prune(GraphNetworks.random(GraphNetworks.SQUEEZE_EXCITATION, 3), half)
                .spec().describe());
    }
}
