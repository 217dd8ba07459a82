package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ModelExport;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.RecipeFile;
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
            "djl (zip: DJL parameter file + network description + packed PWB1 weights) or pwb.",
            "Format recipe writes the recipe itself (a paretowb-recipe JSON file) of the point or of the flags, and",
            "nothing else: 'eval --recipe FILE' measures it again.",
            "The model's settings (input shape, mean and std, class names) are written into the file (ONNX metadata",
            "keys input_shape, mean, std, class_names; a settings block in .pwb; settings.txt in .djl), so 'eval'",
            "of the file needs no flags."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl) (default: ${DEFAULT-VALUE}); not with --point.")
    ModelSource model;

    @Mixin
    RecipeOptions recipeOptions;

    @Option(names = "--workspace", paramLabel = "FILE", description = "Workspace holding the point to export.")
    Path workspaceFile;

    @Option(names = "--point", paramLabel = "ID", description = "Id of the point to export (see 'paretowb points').")
    Integer pointId;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx|djl|pwb|recipe",
            description = "File format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the network.")
    Path out;

    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        ModelFormat fileFormat = format.equals("recipe") ? null
                : Flags.settings("--format", () -> ModelFormat.parse(format));
        if ((workspaceFile == null) != (pointId == null)) {
            throw new UserError("--workspace and --point go together: the workspace holding the point, and its id");
        }
        if (pointId != null && recipeOptions.fromFile()) {
            throw new UserError("--recipe goes with --model: a saved point is exported with its own recipe");
        }
        AtomicFile.requireWritableFolder(out);
        if (fileFormat == null) {
            return writeRecipe();
        }
        if (pointId != null && !dataOptions.builtIn()) {
            throw new UserError("--data goes with --model: a saved point is reload-tested on the images it was measured on");
        }
        StoredPoint point = workspaceFile == null ? null : storedPoint();
        DataOptions.Loaded data = point == null ? dataOptions.load(model, recipeOptions.seed) : null;
        ModelSource source = point == null ? data.model()
                : ModelSource.example(ExampleSession.architectureOf(point.context()));
        WeightSet original = source.weights();
        Recipe recipe = point == null ? recipeOptions.recipe() : point.point().recipe();
        TrainingData training = data == null ? TrainingData.fashionMnist().fittedTo(source.settings()) : data.training();
        RecipeOptions.requireTraining(java.util.List.of(recipe), training);
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        WeightSet weights = RecipeOptions.applier(recipe, pytorch, training).apply(original, recipe, CancelToken.NEVER);
        OrtRuntime ort = new OrtRuntime();
        LabeledImages test = data == null ? ExampleSession.evaluationData(source.settings()) : data.evaluation();
        ModelExport export = new ModelExport(new ModelFiles(pytorch, ort));
        ModelExport.Result result;
        try {
            if (point != null) {
                result = export.writePoint(weights, point.point(), source.settings(), fileFormat, out, test,
                        CancelToken.NEVER);
            } else {
                Set<String> int8 = Flags.settings("--int8-layers", () -> new OrtMeasuringEngine(ort, test.first(1000))
                        .int8Layers(weights, recipe.quantization(), CancelToken.NEVER));
                result = export.write(weights, source.settings(), fileFormat, int8, out, test, true, null,
                        CancelToken.NEVER);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("--int8-layers: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage(), e);
        }
        System.err.println(result.describe() + "; settings written: " + source.settings().shape() + ", "
                + source.settings().normalisation().describe() + (!source.normalisationAssumed() ? ""
                : " (assumed: the source states none)") + ", " + source.settings().classNames().size() + " class names");
        return result.matches() ? 0 : 1;
    }

    /** The point's recipe, or the flags' (or --recipe file's), as a recipe file; no model is loaded. */
    private int writeRecipe() throws java.io.IOException {
        StoredPoint point = workspaceFile == null ? null : storedPoint();
        Recipe recipe = point == null ? recipeOptions.recipe() : point.point().recipe();
        String text = RecipeFile.text(recipe);
        AtomicFile.write(out, temporary -> Files.writeString(temporary, text, java.nio.charset.StandardCharsets.UTF_8));
        System.err.println("wrote the recipe " + (point == null ? "" : "of point " + pointId + " ") + "to " + out
                + ": " + recipe.summary());
        return 0;
    }

    private StoredPoint storedPoint() {
        if (!Files.isRegularFile(workspaceFile)) {
            throw new UserError("no workspace at " + workspaceFile);
        }
        try (Workspace workspace = Workspace.open(workspaceFile)) {
            return workspace.require(pointId);
        }
    }
}
