package org.paretowb.services.compress;

import org.paretowb.models.network.FakeQuant;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.services.runtime.PyTorchRuntime;

class FakeQuantIT {
    private final PyTorchRuntime runtime = new PyTorchRuntime();

    private float[] run(FakeQuant layer, float[] input) {
        try (NDManager m = runtime.engine().newBaseManager()) {
            Block block = layer.newBlock();
            block.initialize(m, DataType.FLOAT32, new Shape(input.length));
            return block.forward(new ParameterStore(m, false), new NDList(m.create(input)), false)
                    .singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void dynamicRangeKeepsValuesOnItsGridAndZeroExact() {
        // range [0, 2.55] on 255 steps: a step of 0.01, so these inputs are on the grid already
        float[] out = run(new FakeQuant(8, true, 0, 0), new float[] {0f, 0.5f, 1.23f, 2.55f});

        assertArrayEquals(new float[] {0f, 0.5f, 1.23f, 2.55f}, out, 1e-5f);
    }

    @Test
    void staticRangeClipsWhatCalibrationDidNotSee() {
        float[] out = run(new FakeQuant(8, false, 0f, 1f), new float[] {0f, 0.3f, 1f, 2.55f});

        assertEquals(0f, out[0]);
        assertEquals(0.3f, out[1], 1f / 255 / 2 + 1e-6f);
        assertEquals(1f, out[2], 1e-6f);
        assertEquals(1f, out[3], 1e-6f, "beyond the calibrated range");
    }

    @Test
    void fakeQuantLayersTravelInTheNetworkDescription() {
        NetworkSpec spec = NetworkSpec.parse("1x28x28 qsta8[0.0,1.0] flatten qdyn8 dense10");

        assertEquals(new FakeQuant(8, false, 0f, 1f), spec.layers().get(0));
        assertEquals(new FakeQuant(8, true, 0, 0), spec.layers().get(2));
        assertEquals(spec, NetworkSpec.parse(spec.describe()));
    }
}
