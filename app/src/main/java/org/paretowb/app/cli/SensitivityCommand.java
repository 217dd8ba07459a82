package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.SensitivityCurve;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.SensitivityAnalysis;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Accuracy after pruning one layer at a time at 10%% to 90%%, as CSV: layer,weights,sparsity,accuracy.")
public final class SensitivityCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl) (default: ${DEFAULT-VALUE}).")
    org.paretowb.services.usecase.ModelSource model;

    @picocli.CommandLine.Mixin
    DataOptions dataOptions;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the split of --data by --eval-share (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--samples", defaultValue = "2000", paramLabel = "N",
            description = "Evaluate on the first N test images (default: ${DEFAULT-VALUE}; 0 = all).")
    int samples;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        AtomicFile.requireWritableFolder(out);
        if (samples < 0) {
            throw new UserError("--samples must be 0 (all) or a positive count, got " + samples);
        }
        DataOptions.Loaded loaded = dataOptions.load(model, seed);
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages test = loaded.evaluation();
        LabeledImages data = samples > 0 ? test.first(samples) : test;
        double[] levels = SensitivityAnalysis.DEFAULT_SPARSITIES;
        List<SensitivityCurve> curves = new SensitivityAnalysis(runtime, new Evaluator(250)).analyse(
                loaded.model().weights(), data, levels,
                done -> System.err.printf(Locale.ROOT, "\r%d evaluations", done), CancelToken.NEVER);
        System.err.println();
        StringBuilder csv = new StringBuilder("layer,weights,sparsity,accuracy\n");
        for (SensitivityCurve c : curves) {
            csv.append(String.format(Locale.ROOT, "%s,%d,0,%.4f%n", c.layer(), c.weights(), c.baseline()));
            for (int i = 0; i < levels.length; i++) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%.2f,%.4f%n", c.layer(), c.weights(), c.sparsity()[i],
                        c.accuracy()[i]));
            }
        }
        AtomicFile.write(out, temp -> Files.writeString(temp, csv));
        System.err.println("wrote " + out + " (" + curves.size() + " layers on " + data.size() + " images of "
                + InputsJson.line(loaded.model().settings(), loaded.model().normalisationAssumed(), data) + ")");
        return 0;
    }
}
