package org.paretowb.services.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.services.compress.MagnitudePruner;
import org.paretowb.services.compress.WeightQuantizer;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.ContentHash;

/**
 * A TorchScript file made by PyTorch 1.13 ({@code services/src/bench/make_torch_cnn.py}: 5x5 convolution,
 * batch norm, average pooling, dropout; PyTorch measured 86.95% on the 10,000 test images).
 */
class TorchScriptNetworkIT {
    private static final int[] INPUT = {1, 28, 28};
    private static PyTorchRuntime runtime;
    private static LabeledImages test;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() throws Exception {
        runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        test = new FashionMnist().testSet();
    }

    private Path file() throws Exception {
        Path file = dir.resolve("torch-cnn.pt");
        if (!Files.exists(file)) {
            try (var in = TorchScriptNetworkIT.class.getResourceAsStream("torch-cnn.pt")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    @Test
    void itListsItsParametersAndEvaluatesAsPyTorchDid() throws Exception {
        byte[] before = Files.readAllBytes(file());
        try (TorchScriptNetwork network = TorchScriptNetwork.load(file(), new int[] {1, 28, 28}, runtime)) {
            List<TorchScriptNetwork.Parameter> parameters = network.parameters();
            assertEquals(10, parameters.size(), "two convolutions, a batch norm, two dense layers: weight and bias each");
            assertEquals(8 * 25, parameters.get(0).count(), "the 5x5 convolution's 8 filters");
            Evaluator evaluator = new Evaluator(500);
            assertEquals(0.8695, evaluator.accuracy(network, test, CancelToken.NEVER), 0.001);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file())), "the file itself is never written");
    }

    @Test
    void aFileThatIsNotTorchScriptIsRefusedWithAMessage() throws Exception {
        Path stateDict = dir.resolve("weights.pt");
        Files.write(stateDict, new byte[] {(byte) 0x80, 2, 'c', 'o', 'l', 'l'});
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> TorchScriptNetwork.load(stateDict, new int[] {1, 28, 28}, new PyTorchRuntime()));
        assertTrue(e.getMessage().contains("is not a TorchScript model"), e.getMessage());
    }

    @Test
    void pruningACopyZeroesHalfOfItsWeightsAndLeavesTheFileAndTheOriginalAsTheyWere() throws Exception {
        String hash = ContentHash.ofFile(file());
        try (TorchScriptNetwork original = TorchScriptNetwork.load(file(), INPUT, runtime)) {
            List<Tensor> pruned = new MagnitudePruner().prune(original.weights(), new PruningSettings(0.5));
            try (TorchScriptNetwork copy = original.withWeights(pruned)) {
                long weights = 0;
                long zeros = 0;
                for (Tensor t : copy.weights()) {
                    if (t.prunable()) {
                        weights += t.size();
                        zeros += t.size() - t.nonZeros();
                    } else {
                        assertEquals(t.size(), t.nonZeros(), t.name() + ": biases and batch norm are not pruned");
                    }
                }
                assertEquals(200 + 1152 + 50_176 + 640, weights, "conv and dense weights");
                assertEquals(Math.round(0.5 * weights), zeros, "the copy in the engine holds the pruned values");
            }
            List<Tensor> after = original.weights();
            assertEquals(after.stream().mapToLong(Tensor::size).sum(), after.stream().mapToLong(Tensor::nonZeros).sum(),
                    "the original in memory keeps every weight");
        }
        assertEquals(hash, ContentHash.ofFile(file()), "the file is only read");
        try (TorchScriptNetwork again = TorchScriptNetwork.load(file(), INPUT, runtime)) {
            assertEquals(0.8695, new Evaluator(500).accuracy(again, test, CancelToken.NEVER), 0.001);
        }
    }

    @Test
    void aCopyPrunedByNothingGivesIdenticalLogits() throws Exception {
        LabeledImages images = test.first(500);
        try (TorchScriptNetwork original = TorchScriptNetwork.load(file(), INPUT, runtime);
             TorchScriptNetwork copy = original.withWeights(
                     new MagnitudePruner().prune(original.weights(), new PruningSettings(0)))) {
            assertArrayEquals(original.logits(images.scaledPixels(0, 500), 500), copy.logits(images.scaledPixels(0, 500),
                    500));
        }
    }

    @Test
    void eightBitWeightsInTheCopyStayWithinHalfAStepPerChannel() throws Exception {
        try (TorchScriptNetwork original = TorchScriptNetwork.load(file(), INPUT, runtime)) {
            List<Tensor> before = original.weights();
            List<Tensor> quantized = new WeightQuantizer().quantize(before,
                    new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true));
            try (TorchScriptNetwork copy = original.withWeights(quantized)) {
                List<Tensor> after = copy.weights();
                boolean anyMoved = false;
                for (int t = 0; t < before.size(); t++) {
                    float[] w = before.get(t).values();
                    float[] q = after.get(t).values();
                    if (!before.get(t).prunable()) {
                        assertArrayEquals(w, q, before.get(t).name() + " stays fp32");
                        continue;
                    }
                    int channels = (int) before.get(t).shape()[0];
                    int perChannel = w.length / channels;
                    for (int c = 0; c < channels; c++) {
                        float max = 0;
                        for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                            max = Math.max(max, Math.abs(w[i]));
                        }
                        float halfStep = max / 127 / 2;
                        for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                            assertTrue(Math.abs(w[i] - q[i]) <= halfStep * 1.0001f, before.get(t).name() + "[" + i + "]");
                            anyMoved |= w[i] != q[i];
                        }
                    }
                }
                assertTrue(anyMoved, "the copy holds the quantized values, not the originals");
            }
        }
    }

    @Test
    void aSavedCompressedCopyLoadsBackToTheSameLogitsAndAccuracy() throws Exception {
        LabeledImages images = test.first(2000);
        Evaluator evaluator = new Evaluator(500);
        Path saved = dir.resolve("copies").resolve("torch-cnn-prune90-int8.pt");
        Files.createDirectories(saved.getParent());
        float[] logits;
        double accuracy;
        long bytes;
        try (TorchScriptNetwork original = TorchScriptNetwork.load(file(), INPUT, runtime)) {
            List<Tensor> compressed = new WeightQuantizer().quantize(
                    new MagnitudePruner().prune(original.weights(), new PruningSettings(0.9)),
                    new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true));
            try (TorchScriptNetwork copy = original.withWeights(compressed)) {
                bytes = copy.save(saved);
                logits = copy.logits(images.scaledPixels(0, 1000), 1000);
                accuracy = evaluator.accuracy(copy, images, CancelToken.NEVER);
                assertNotEquals(evaluator.accuracy(original, images, CancelToken.NEVER), accuracy,
                        "90% pruning changes some predictions");
            }
        }
        assertEquals(Files.size(saved), bytes, "the size is the bytes written");
        try (TorchScriptNetwork reloaded = TorchScriptNetwork.load(saved, INPUT, runtime)) {
            assertArrayEquals(logits, reloaded.logits(images.scaledPixels(0, 1000), 1000));
            assertEquals(accuracy, evaluator.accuracy(reloaded, images, CancelToken.NEVER));
            long nonZeros = reloaded.weights().stream().mapToLong(Tensor::nonZeros).sum();
            assertTrue(nonZeros < 0.15 * 52_282, "the zeros are in the file: " + nonZeros + " non-zeros");
        }
    }
}
