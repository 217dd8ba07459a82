package org.paretowb.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;

/**
 * A TorchScript file made by PyTorch 1.13 ({@code services/src/bench/make_torch_cnn.py}: 5x5 convolution,
 * batch norm, average pooling, dropout; PyTorch measured 86.95% on the 10,000 test images).
 */
class TorchScriptNetworkTest {
    @TempDir
    Path dir;

    private Path file() throws Exception {
        Path file = dir.resolve("torch-cnn.pt");
        if (!Files.exists(file)) {
            try (var in = TorchScriptNetworkTest.class.getResourceAsStream("torch-cnn.pt")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    @Test
    void itListsItsParametersAndEvaluatesAsPyTorchDid() throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages test = new FashionMnist().testSet();
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
}
