package org.paretowb.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.paretowb.app.AtomicFile;
import org.paretowb.app.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Compress an example network with a recipe and write the result: ONNX (static int8 as",
            "QuantizeLinear/DequantizeLinear pairs, dynamic int8 as MatMulInteger) or the workbench's PWB1 file.",
            "The written ONNX file is read back into ONNX Runtime and its accuracy printed (a reload test)."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class,
            description = "Example network: cnn, cnn-wide or mlp (default: ${DEFAULT-VALUE}).")
    Architecture model;

    @Mixin
    RecipeOptions recipeOptions;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx|pwb",
            description = "File format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the network.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("onnx") && !format.equals("pwb")) {
            throw new UserError("--format must be onnx or pwb, not '" + format + "'");
        }
        AtomicFile.requireWritableFolder(out);
        Recipe recipe = recipeOptions.recipe();
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        WeightSet weights = RecipeOptions.applier(recipe, pytorch)
                .apply(ExampleSession.exampleWeights(model), recipe, CancelToken.NEVER);
        if (format.equals("pwb")) {
            AtomicFile.write(out, temp -> {
                try (OutputStream stream = Files.newOutputStream(temp)) {
                    new WeightCodec().write(weights, stream);
                }
            });
            System.err.printf(Locale.ROOT, "wrote %s (%,d bytes): %s%n", out, Files.size(out), weights.spec().describe());
            return 0;
        }
        OrtRuntime ort = new OrtRuntime();
        LabeledImages test = ExampleSession.testSet();
        Set<String> int8 = Flags.settings("--int8-layers", () -> new OrtMeasuringEngine(ort,
                test.first(1000)).int8Layers(weights, recipe.quantization(), CancelToken.NEVER));
        byte[] onnx = Flags.settings("--int8-layers", () -> new OnnxExporter().export(weights, int8));
        AtomicFile.write(out, temp -> Files.write(temp, onnx));
        double accuracy;
        try (OnnxNetwork reloaded = ort.load(Files.readAllBytes(out), weights.spec(), 2)) {
            accuracy = new Evaluator(250).accuracy(reloaded, test, CancelToken.NEVER);
        }
        System.err.printf(Locale.ROOT, "wrote %s (%,d bytes), int8 layers: %s; reloaded in ONNX Runtime: %.2f%% on the"
                + " 10k test set%n", out, Files.size(out), int8.isEmpty() ? "none" : String.join(", ", new TreeSet<>(int8)),
                accuracy * 100);
        return 0;
    }
}
