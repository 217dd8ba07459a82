package org.paretowb.services.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.Standardisation;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;

/** The standardisation put into a network (folded, or as a layer) computes what the network did on standardised rows. */
class TableTrainerIT {
    private static final int FEATURES = 5;
    private static final int ROWS = 40;
    private static PyTorchRuntime runtime;

    @BeforeAll
    static void startEngine() {
        runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
    }

    /** Rows whose features lie on scales as far apart as wine's: around 0.3, 2, 20, 100 and 750. */
    private static LabeledImages rawRows() {
        float[] scale = {0.3f, 2f, 20f, 100f, 750f};
        Random random = new Random(3);
        float[] x = new float[ROWS * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale[i % FEATURES] * (1 + 0.4f * (float) random.nextGaussian());
        }
        return LabeledImages.table("raw", x, new byte[ROWS], FEATURES);
    }

    private static WeightSet randomWeights(NetworkSpec spec) {
        Random random = new Random(5);
        List<Tensor> tensors = new ArrayList<>();
        for (long[] shape : spec.parameterShapes()) {
            float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) {
                values[i] = 0.5f * (float) random.nextGaussian();
            }
            tensors.add(new Tensor("t" + tensors.size(), shape, values));
        }
        return new WeightSet(spec, tensors);
    }

    private static float[] logits(WeightSet weights, LabeledImages rows) {
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            return network.logits(rows.scaledPixels(0, rows.size()), rows.size());
        }
    }

    @Test
    void theFoldedNetworkOnRawRowsGivesTheTrainedNetworksLogitsOnStandardisedRows() {
        LabeledImages raw = rawRows();
        Standardisation standardisation = Standardisation.of(raw);
        WeightSet trained = randomWeights(TableTrainer.mlp(FEATURES, new int[] {16, 8}, 3));

        float[] expected = logits(trained, standardisation.apply(raw));
        float[] folded = logits(standardisation.foldInto(trained), raw);

        assertArrayEquals(expected, folded, 1e-4f);
    }

    @Test
    void theStandardisationLayerGivesTheSameLogitsOnPyTorchAndOnOnnxRuntime() throws Exception {
        LabeledImages raw = rawRows();
        Standardisation standardisation = Standardisation.of(raw);
        WeightSet trained = randomWeights(TableTrainer.mlp(FEATURES, new int[] {16, 8}, 3));
        WeightSet layered = standardisation.asLayer(trained);

        float[] expected = logits(trained, standardisation.apply(raw));
        float[] onPyTorch = logits(layered, raw);
        float[] onOnnxRuntime;
        try (InferenceNetwork network = new OrtRuntime().load(new OnnxExporter().export(layered), layered.spec(), 1)) {
            onOnnxRuntime = network.logits(raw.scaledPixels(0, ROWS), ROWS);
        }

        assertArrayEquals(expected, onPyTorch, 1e-4f);
        assertArrayEquals(expected, onOnnxRuntime, 1e-4f);
    }

    @Test
    void anMlpForATableFlattensThenStacksDenseLayers() {
        assertEquals("1x1x13 flatten dense64 relu dense32 relu dense3",
                TableTrainer.mlp(13, new int[] {64, 32}, 3).describe());
        assertThrows(IllegalArgumentException.class, () -> TableTrainer.mlp(13, new int[] {0}, 3));
        assertThrows(IllegalArgumentException.class, () -> TableTrainer.mlp(13, new int[] {8}, 1));
    }
}
