package org.paretowb.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.paretowb.app.AtomicFile;
import org.paretowb.app.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a compressed network as a deployable file, then load the file back and evaluate it",
            "(a reload test). Either a saved point (--workspace W --point ID: its recipe, its int8 layers, compared",
            "with its measured accuracy on the same images) or an example network with recipe flags.",
            "Formats: onnx (static int8 as QuantizeLinear/DequantizeLinear, dynamic int8 as MatMulInteger),",
            "djl (zip: DJL parameter file + network description + packed PWB1 weights) or pwb."})
public final class ExportCommand implements Callable<Integer> {
    /** Largest accuracy difference, in points, for which a reloaded export matches its point. */
    static final double MATCH_POINTS = 0.1;

    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class,
            description = "Example network: cnn, cnn-wide or mlp (default: ${DEFAULT-VALUE}); not with --point.")
    Architecture model;

    @Mixin
    RecipeOptions recipeOptions;

    @Option(names = "--workspace", paramLabel = "FILE", description = "Workspace holding the point to export.")
    Path workspaceFile;

    @Option(names = "--point", paramLabel = "ID", description = "Id of the point to export (see 'paretowb points').")
    Integer pointId;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx|djl|pwb",
            description = "File format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the network.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelFormat fileFormat = Flags.settings("--format", () -> ModelFormat.parse(format));
        if ((workspaceFile == null) != (pointId == null)) {
            throw new UserError("--workspace and --point go together: the workspace holding the point, and its id");
        }
        AtomicFile.requireWritableFolder(out);
        StoredPoint point = workspaceFile == null ? null : storedPoint();
        Architecture architecture = point == null ? model : ExampleSession.architectureOf(point.context());
        Recipe recipe = point == null ? recipeOptions.recipe() : point.point().recipe();
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        WeightSet weights = RecipeOptions.applier(recipe, pytorch)
                .apply(ExampleSession.exampleWeights(architecture), recipe, CancelToken.NEVER);
        OrtRuntime ort = new OrtRuntime();
        LabeledImages test = ExampleSession.testSet();
        Set<String> int8 = point != null ? int8Of(point.point().measurement(), recipe)
                : Flags.settings("--int8-layers", () -> new OrtMeasuringEngine(ort, test.first(1000))
                        .int8Layers(weights, recipe.quantization(), CancelToken.NEVER));
        ModelFiles files = new ModelFiles(pytorch, ort);
        byte[] bytes = Flags.settings("--int8-layers", () -> files.encode(weights, fileFormat, int8));
        AtomicFile.write(out, temp -> Files.write(temp, bytes));
        System.err.printf(Locale.ROOT, "wrote %s (%,d bytes, %s): %s; int8 layers: %s%n", out, Files.size(out),
                fileFormat.cliName(), weights.spec().describe(), int8.isEmpty() ? "none" : String.join(", ", int8));
        return reloadTest(files, fileFormat, weights, int8, point, test);
    }

    private StoredPoint storedPoint() {
        if (!Files.isRegularFile(workspaceFile)) {
            throw new UserError("no workspace at " + workspaceFile);
        }
        try (Workspace workspace = Workspace.open(workspaceFile)) {
            return workspace.require(pointId);
        }
    }

    /** The layers that ran on int8 kernels when the point was measured (static quantization on ONNX Runtime). */
    private static Set<String> int8Of(Measurement m, Recipe recipe) {
        if (recipe.quantization().mode() != QuantizationSettings.Mode.STATIC) {
            return Set.of();
        }
        return new TreeSet<>(m.how().int8Layers());
    }

    /** Loads the written file back and evaluates it; with a point, on its engine and images, against its accuracy. */
    private int reloadTest(ModelFiles files, ModelFormat fileFormat, WeightSet weights, Set<String> int8,
                           StoredPoint point, LabeledImages test) throws Exception {
        Measurement measured = point == null ? null : point.point().measurement();
        boolean onOrt = measured == null || measured.how().engine().startsWith("ONNX Runtime");
        LabeledImages images = measured == null ? test : test.first(measured.samples());
        double accuracy;
        try (InferenceNetwork reloaded = files.reload(Files.readAllBytes(out), fileFormat, out.toString(), weights, int8,
                onOrt)) {
            accuracy = new Evaluator(250).accuracy(reloaded, images, CancelToken.NEVER);
        } catch (WeightFileException e) {
            throw new UserError("the written file does not load back: " + e.getMessage(), e);
        }
        String engine = fileFormat == ModelFormat.ONNX || onOrt ? "ONNX Runtime" : "DJL PyTorch";
        if (measured == null) {
            System.err.printf(Locale.ROOT, "reloaded in %s: %.2f%% on the %,d test images%n", engine, accuracy * 100,
                    images.size());
            return 0;
        }
        double difference = Math.abs(accuracy - measured.accuracy()) * 100;
        boolean matches = difference <= MATCH_POINTS + 1e-9;
        System.err.printf(Locale.ROOT, "reloaded in %s: %.2f%% on the same %,d images; point %d measured %.2f%%: "
                + "difference %.2f points (%s)%n", engine, accuracy * 100, images.size(), point.point().id(),
                measured.accuracy() * 100, difference, matches ? "matches" : "DOES NOT MATCH");
        return matches ? 0 : 1;
    }
}
