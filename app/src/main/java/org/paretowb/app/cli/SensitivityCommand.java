package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.MeasuringEngine;
import org.paretowb.services.evaluate.TechniqueSensitivity;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Per-layer sensitivity: the accuracy with only one layer changed, at each setting of a technique,"
                + " and the cost it changes, as CSV: technique,layer,weights,setting,accuracy,cost,cost_unit.",
                "prune: 10%% to 90%% of the layer's weights; bits: 8, 4, 2; rank: 75%% to 10%% of its weights kept;"
                        + " channels: 25%% to 75%% of a group's channels removed; int8: the layer alone on real int8"
                        + " kernels (ONNX Runtime, calibrated on 1,000 training images). Setting 0 (32 bits, rank 1)"
                        + " is the unchanged layer."})
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

    @Option(names = "--technique", defaultValue = "prune", paramLabel = "prune|bits|rank|channels|int8|all",
            description = "The technique applied to one layer at a time (default: ${DEFAULT-VALUE}).")
    String technique;

    @Option(names = "--engine", defaultValue = "onnxruntime", paramLabel = "onnxruntime|pytorch",
            description = "Engine that measures every evaluation; int8 needs onnxruntime (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        AtomicFile.requireWritableFolder(out);
        if (samples < 0) {
            throw new UserError("--samples must be 0 (all) or a positive count, got " + samples);
        }
        List<SensitivityTechnique> techniques = techniques();
        if (techniques.contains(SensitivityTechnique.INT8) && !engine.equals("onnxruntime")) {
            throw new UserError("--technique int8 measures real int8 kernels, which run on --engine onnxruntime");
        }
        DataOptions.Loaded loaded = dataOptions.load(model, seed);
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages test = loaded.evaluation();
        LabeledImages data = samples > 0 ? test.first(Math.min(samples, test.size())) : test;
        MeasuringEngine measuring = Flags.engine(engine, runtime, data);
        WeightSet weights = loaded.model().weights();
        RecipeApplier applier = techniques.contains(SensitivityTechnique.INT8)
                ? RecipeOptions.applier(TechniqueSensitivity.staticRecipe(), runtime, loaded.training()) : null;
        TechniqueSensitivity analysis = TechniqueSensitivity.on(measuring, new Evaluator(250), data,
                (recipe, token) -> applier.apply(weights, recipe, token));
        StringBuilder csv = new StringBuilder("technique,layer,weights,setting,accuracy,cost,cost_unit\n");
        int layers = 0;
        for (SensitivityTechnique t : techniques) {
            int total = analysis.evaluations(t, weights);
            List<LayerSensitivity> rows = analysis.analyse(t, weights, done -> System.err.printf(Locale.ROOT,
                    "\r%s: %d/%d evaluations", t.cliName(), done, total), CancelToken.NEVER);
            System.err.println();
            layers = Math.max(layers, rows.size());
            for (LayerSensitivity r : rows) {
                csv.append(row(t, r, t.unchanged(), r.baseline(), r.baselineCost()));
                for (int i = 0; i < r.settings().length; i++) {
                    csv.append(row(t, r, r.settings()[i], r.accuracy()[i], r.cost()[i]));
                }
            }
        }
        AtomicFile.write(out, temp -> Files.writeString(temp, csv));
        System.err.println("wrote " + out + " (" + techniques.size() + " technique" + (techniques.size() == 1 ? "" : "s")
                + ", up to " + layers + " layers each, on " + data.size() + " images of "
                + InputsJson.line(loaded.model().settings(), loaded.model().normalisationAssumed(), data) + ", engine "
                + engine + ")");
        return 0;
    }

    private static String row(SensitivityTechnique t, LayerSensitivity r, double setting, double accuracy, double cost) {
        return String.format(Locale.ROOT, "%s,%s,%d,%s,%.4f,%s,\"%s\"%n", t.cliName(), r.layer(), r.weights(),
                number(setting), accuracy, number(cost), t.cost());
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private List<SensitivityTechnique> techniques() {
        if (technique.equals("all")) {
            return List.of(SensitivityTechnique.values());
        }
        List<SensitivityTechnique> chosen = new ArrayList<>();
        for (SensitivityTechnique t : SensitivityTechnique.values()) {
            if (t.cliName().equals(technique)) {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty()) {
            throw new UserError("--technique must be prune, bits, rank, channels, int8 or all, not '" + technique + "'");
        }
        return chosen;
    }
}
