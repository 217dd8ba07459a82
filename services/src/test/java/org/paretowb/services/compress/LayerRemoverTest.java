package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

class LayerRemoverTest {
    private final LayerRemover remover = new LayerRemover();

    @Test
    void theMlpsHiddenLayersAreRemovableAndItsOutputLayerIsNot() throws Exception {
        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);
        assertEquals(List.of("fc1", "fc2"), remover.units(mlp.spec()).stream().map(LayerRemover.Unit::name).toList());
        assertEquals(List.of("fc2", "relu2"), remover.units(mlp.spec()).get(1).nodes());
    }

    @Test
    void removingTheSecondHiddenLayerComposesTheTwoLinearMaps() throws Exception {
        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);

        WeightSet removed = remover.remove(mlp, List.of("fc2"));

        assertEquals("1x28x28 flatten dense256 relu fc3=dense10", removed.spec().describe());
        Tensor w2 = mlp.tensors().get(2);
        Tensor b2 = mlp.tensors().get(3);
        Tensor w3 = mlp.tensors().get(4);
        Tensor b3 = mlp.tensors().get(5);
        Tensor w = removed.tensors().get(2);
        assertArrayEquals(new long[] {10, 256}, w.shape());
        for (int[] at : new int[][] {{0, 0}, {3, 17}, {9, 255}}) {
            double expected = 0;
            for (int m = 0; m < 128; m++) {
                expected += w3.values()[at[0] * 128 + m] * w2.values()[m * 256 + at[1]];
            }
            assertEquals(expected, w.values()[at[0] * 256 + at[1]], 1e-4);
        }
        double bias = b3.values()[4];
        for (int m = 0; m < 128; m++) {
            bias += w3.values()[4 * 128 + m] * b2.values()[m];
        }
        assertEquals(bias, removed.tensors().get(3).values()[4], 1e-4);
        assertSame(mlp.tensors().get(0), removed.tensors().get(0), "fc1 keeps its weights");
    }

    @Test
    void removingACnnStageKeepsItsPoolAndInitialisesTheDenseLayerAfterItAfresh() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);
        assertEquals(List.of("conv1", "conv2", "fc1"),
                remover.units(cnn.spec()).stream().map(LayerRemover.Unit::name).toList());

        WeightSet removed = remover.remove(cnn, List.of("conv2"));

        assertEquals("1x28x28 conv16k3p1 bn relu maxpool2 maxpool2 flatten dense128 relu dense10",
                removed.spec().describe().replaceAll("[a-z]+[0-9]+=", ""));
        assertArrayEquals(new long[] {128, 16 * 7 * 7}, removed.tensors().get(6).shape(), "fc1 reads 16x7x7");
        float bound = (float) (1 / Math.sqrt(16 * 7 * 7));
        for (float v : removed.tensors().get(6).values()) {
            assertTrue(Math.abs(v) <= bound, "fresh weights lie within 1/sqrt(fan-in)");
        }
        for (int t = 0; t < 6; t++) {
            assertSame(cnn.tensors().get(t), removed.tensors().get(t), "the first stage keeps its weights");
        }
        assertEquals(cnn.parameters() - cnn.spec().parameterShapes().subList(6, 12).stream()
                .mapToLong(s -> s[0] * (s.length > 1 ? s[1] * s[2] * s[3] : 1)).sum()
                - 128L * 32 * 7 * 7 + 128L * 16 * 7 * 7, removed.parameters());
    }

    @Test
    void aResidualBlockBecomesTheIdentity() {
        WeightSet net = GraphNetworks.random(GraphNetworks.RESIDUAL, 3);
        LayerRemover.Unit block = remover.units(net.spec()).stream()
                .filter(u -> u.kind() == LayerRemover.Kind.RESIDUAL).findFirst().orElseThrow();
        assertEquals(List.of("conv2", "bn2", "add1"), block.nodes());
        assertEquals("relu1", block.input());

        WeightSet removed = remover.remove(net, List.of(block.name()));

        assertEquals(-1, removed.spec().indexOf("add1"));
        assertEquals(List.of("relu1"), removed.spec().node(removed.spec().indexOf("relu2")).inputs());
        assertEquals(net.tensors().size() - 6, removed.tensors().size(), "conv2 and bn2 are gone");
        assertTrue(remover.units(net.spec()).stream().noneMatch(u -> u.name().equals("conv2")),
                "conv2 alone is no unit: the join would add relu1 to itself");
    }

    @Test
    void anUnknownNameIsRefusedWithTheRemovableOnes() throws Exception {
        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> remover.remove(mlp, List.of("fc3")));
        assertEquals("cannot remove 'fc3': the removable layers and blocks are fc1, fc2", e.getMessage());
    }
}
