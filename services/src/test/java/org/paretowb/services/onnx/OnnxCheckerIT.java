package org.paretowb.services.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ActivationQuantizer;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.compress.LowRankFactorizer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.Distiller;
import org.paretowb.services.evaluate.LayerProfiler;

/**
 * ONNX's own checker ({@code onnx.checker.check_model} with full shape inference, from Debian's python3-onnx)
 * accepts every kind of network the workbench exports, fp32 and int8. Skipped where python3-onnx is missing;
 * CI installs it.
 */
class OnnxCheckerIT {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void theOnnxCheckerAcceptsEveryExportedNetwork() throws Exception {
        assumeTrue(pythonHasOnnx(), "python3-onnx is not installed");
        PyTorchRuntime runtime = new PyTorchRuntime();
        LabeledImages train = new FashionMnist().embeddedTrainingSubset().first(2000);
        ExampleWeights examples = new ExampleWeights();
        WeightSet cnn = examples.load(Architecture.CNN);
        WeightSet student = new Distiller(runtime).distil(cnn, train, new DistillationSettings("mlp:64", 2, 0.5, 1, 0.01,
                DistillationSettings.Optimizer.ADAM, 0, 128, 1), (e, n, l, a, ms) -> { }, CancelToken.NEVER);
        runtime.prepareInferenceThread();
        List<WeightSet> networks = List.of(cnn, examples.load(Architecture.MLP), examples.load(Architecture.WIDE_CNN),
                new ChannelPruner().prune(cnn, new StructuredPruningSettings(0.5, StructuredPruningSettings.Norm.L1)),
                new LowRankFactorizer().factorize(cnn, new LowRankSettings(0.5, LowRankSettings.Criterion.PARAMETERS,
                        LowRankSettings.Target.ALL)),
                student, TorchActivationNetworks.imported("activations-cnn"),
                TorchActivationNetworks.imported("activations-mlp"));
        ActivationQuantizer quantizer = new ActivationQuantizer(runtime);
        OnnxExporter exporter = new OnnxExporter();
        List<String> files = new ArrayList<>();
        for (WeightSet network : networks) {
            files.add(write(exporter.export(network)));
            WeightSet calibrated = quantizer.quantize(network,
                    new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 200), train);
            files.add(write(exporter.export(calibrated, LayerProfiler.calibratedLayers(calibrated))));
            WeightSet dynamic = quantizer.quantize(network,
                    new QuantizationSettings(QuantizationSettings.Mode.DYNAMIC, 8, true, true), null);
            files.add(write(exporter.export(dynamic, Set.of())));
        }

        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", "import onnx, sys\n"
                + "for p in sys.argv[1:]:\n"
                + "    onnx.checker.check_model(onnx.load(p), full_check=True)\n"
                + "print(len(sys.argv) - 1, 'checked')"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals(files.size() + " checked", output.strip());
    }

    private String write(byte[] onnx) throws IOException {
        Path file = Files.createTempFile(dir, "network", ".onnx");
        Files.write(file, onnx);
        return file.toString();
    }

    private static boolean pythonHasOnnx() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import onnx").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
