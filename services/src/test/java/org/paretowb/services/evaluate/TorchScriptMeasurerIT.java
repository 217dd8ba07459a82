package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.runtime.TorchScriptNetwork;

/** Points of the PyTorch-made CNN ({@code torch-cnn.pt}), measured on a few images with short probes. */
class TorchScriptMeasurerIT {
    @TempDir
    Path dir;

    private static Recipe prunedAndQuantized(double sparsity, int bits) {
        return Recipe.builder().pruning(new PruningSettings(sparsity))
                .quantization(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, bits, true, true)).build();
    }

    private Path model() throws Exception {
        Path file = dir.resolve("model").resolve("torch-cnn.pt");
        Files.createDirectories(file.getParent());
        try (var in = TorchScriptNetwork.class.getResourceAsStream("torch-cnn.pt")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aPointIsTheSavedCopyLoadedBackWithItsBytesAndItsSimulatedKernelsSaid() throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages images = new FashionMnist().testSet().first(500);
        Path copies = Files.createDirectories(dir.resolve("copies"));
        try (TorchScriptNetwork original = TorchScriptNetwork.load(model(), new int[] {1, 28, 28}, runtime)) {
            TorchScriptMeasurer measurer = new TorchScriptMeasurer(runtime, original, images, true, copies,
                    new Evaluator(250), new LatencyProbe(2, 10), new ThroughputProbe(16, 1, 2));

            TorchScriptMeasurer.Point baseline = measurer.measure(Recipe.BASELINE, CancelToken.NEVER);
            TorchScriptMeasurer.Point point = measurer.measure(prunedAndQuantized(0.5, 8), CancelToken.NEVER);

            Measurement m = point.measurement();
            assertEquals(copies.resolve("torch-cnn-prune50-global-int8.pt"), point.file());
            assertEquals(Files.size(point.file()), m.sizeBytes(), "the size is the bytes of the file measured");
            assertTrue(m.sizeBytes() < baseline.measurement().sizeBytes() * 0.6,
                    "deflated, the zeros and the few int8 values shrink the file: " + m.sizeBytes() + " against "
                            + baseline.measurement().sizeBytes());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(point.file().toFile())) {
                assertTrue(zip.stream().allMatch(e -> e.getMethod() == java.util.zip.ZipEntry.DEFLATED));
            }
            assertEquals(52_282, m.parameters());
            assertEquals(52_282 - Math.round(0.5 * 52_168), m.nonZeros(), "half of the 52,168 weights are zero");
            assertFalse(m.how().realKernels());
            assertTrue(m.how().kernels().startsWith("simulated (fp32 kernels on quantized weights)"), m.how().kernels());
            assertTrue(baseline.measurement().how().realKernels());
            assertEquals(500, m.samples());
            assertTrue(m.how().subset());
            try (TorchScriptNetwork reloaded = TorchScriptNetwork.load(point.file(), new int[] {1, 28, 28}, runtime)) {
                assertEquals(m.accuracy(), new Evaluator(100).accuracy(reloaded, images, CancelToken.NEVER),
                        "the point's accuracy is the saved file's");
            }
        }
    }

    @Test
    void aRecipeThatRewritesTheNetworkIsRefused() throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        try (TorchScriptNetwork original = TorchScriptNetwork.load(model(), new int[] {1, 28, 28}, runtime)) {
            TorchScriptMeasurer measurer = new TorchScriptMeasurer(runtime, original,
                    new FashionMnist().testSet().first(10), true, Files.createDirectories(dir.resolve("copies")));
            Recipe structured = Recipe.builder()
                    .structured(new StructuredPruningSettings(0.5, StructuredPruningSettings.Norm.L1)).build();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> measurer.measure(structured, CancelToken.NEVER));
            assertTrue(e.getMessage().contains("not structured pruning"), e.getMessage());
        }
    }
}
