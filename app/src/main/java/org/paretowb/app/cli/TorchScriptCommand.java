package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.input.Normalisation;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.TorchScriptMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.runtime.TorchScriptNetwork;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "torchscript", mixinStandardHelpOptions = true,
        description = {"List a TorchScript model's parameters and evaluate it on DJL's PyTorch engine.",
            "With --prune or --bits, compress copies of its weights (the file is only read): each copy is saved as a"
                    + " TorchScript file, loaded back and measured (accuracy, batch-1 latency, throughput, size as the"
                    + " bytes of that .pt with its zip entries deflated: float32 tensors, which pruned zeros and"
                    + " quantized values shrink only as far as deflate takes them).",
            "--bits quantizes weights per output channel, symmetric: simulated (fp32 kernels on quantized weights).",
            "--distill-student trains a workbench student on the model's logits and measures it on ONNX Runtime.",
            "Structured pruning and low-rank need the ONNX route (torch.onnx.export, then eval --model FILE.onnx).",
            "Example: torchscript --model my.pt --prune 0,0.5,0.9 --bits 32,8 --json"})
public final class TorchScriptCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE.pt", description = "The TorchScript file.")
    Path file;

    /** The input shape the file is run on (from --input-shape; 1,28,28 by default). */
    private int[] inputShape = {1, 28, 28};

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N", description = "Evaluate on the first N test images.")
    int samples;

    /**
     * --data, --train-data, --eval-share, --input-shape (default 1,28,28), --mean, --std, --class-names: a TorchScript
     * file states none of its settings.
     */
    @Mixin
    DataOptions dataOptions;

    @Option(names = {"--structured", "--rank", "--quant"}, hidden = true, paramLabel = "VALUE")
    String architectural;

    @Option(names = "--prune", split = ",", paramLabel = "SPARSITY",
            description = "Magnitude pruning of the weights (tensors of rank 2 or more: dense and convolution weights,"
                    + " not biases or batch norm): fraction set to zero, 0 to below 1; several values make several points.")
    double[] prune;

    @Option(names = "--prune-scope", defaultValue = "global", paramLabel = "global|layer",
            description = "Rank weights for --prune across the network or within each layer (default: ${DEFAULT-VALUE}).")
    String pruneScope;

    @Option(names = "--bits", split = ",", paramLabel = "BITS",
            description = "Weight bits, 32, 8, 4 or 2: 32 keeps fp32; 8, 4 or 2 quantize the weights, per output channel, symmetric"
                    + " (simulated: fp32 kernels on quantized weights). With --prune, every pair is a point.")
    int[] bits;

    @Option(names = "--out-dir", paramLabel = "FOLDER",
            description = "Keep the compressed TorchScript files here (default: a temporary folder, deleted at exit).")
    Path outDir;

    @Option(names = "--json", description = "Print one JSON object of the measured points instead of tables.")
    boolean json;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    TorchScriptDistillation distillation;

    @Override
    public Integer call() throws Exception {
        if (architectural != null) {
            throw new UserError("structured pruning, low-rank and int8 kernels rewrite the architecture, which a"
                    + " TorchScript file does not describe: export the model with torch.onnx.export and use"
                    + " eval --model FILE.onnx (here: --prune, --bits and --distill-student)");
        }
        if (samples < 0) {
            throw new UserError("--samples must be 0 (all) or a positive count, got " + samples);
        }
        List<Recipe> recipes = recipes();
        distillation.validate();
        if (outDir != null) {
            outDirectory();
        }
        workspace.open();
        try {
            return run(recipes);
        } finally {
            workspace.close();
        }
    }

    private int run(List<Recipe> recipes) throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        ModelSettings shape = dataOptions.settings(new ModelSettings(1, 28, 28, Normalisation.NONE,
                FashionMnist.CLASS_NAMES));
        inputShape = new int[] {shape.channels(), shape.height(), shape.width()};
        try (TorchScriptNetwork network = TorchScriptNetwork.load(file, inputShape, runtime)) {
            int classes = runs(() -> network.logits(new float[shape.channels() * shape.height() * shape.width()], 1))
                    .length;
            ModelSettings settings = settings(classes);
            boolean assumed = !dataOptions.givesNormalisation();
            if (assumed) {
                System.err.println("paretowb: " + file + " states no normalisation (TorchScript files do not);"
                        + " assuming pixels/255 with no mean/std (give --mean and --std if it was trained otherwise)");
            }
            DataOptions.Inputs inputs = dataOptions.load(settings, distillation.seed);
            if (distillation.given()) {
                RecipeOptions.requireTraining(List.of(distillation.recipe()), inputs.training());
            }
            LabeledImages test = inputs.evaluation();
            boolean subset = samples > 0 && samples < test.size();
            LabeledImages images = subset ? test.first(samples) : test;
            if (!json) {
                listParameters(network);
            }
            if (prune == null && bits == null && !workspace.given() && !json && !distillation.given()) {
                System.out.println("input        " + InputsJson.line(inputs.settings(), assumed, images));
                evaluateOnly(network, images);
                return 0;
            }
            PointContext context = ExampleSession.context("TorchScript " + file.getFileName(), ContentHash.ofFile(file),
                    test, dataOptions.builtIn());
            List<Measured> measured = measure(runtime, network, images, subset, recipes, context);
            if (distillation.given()) {
                measured.add(distillation.distilAndMeasure(runtime, network, test, inputs.training(), samples, workspace,
                        context));
            }
            System.out.println(json ? TorchScriptOutput.json(file, measured, inputs, assumed)
                    : TorchScriptOutput.tables(measured));
        } catch (WeightFileException e) {
            throw new UserError(e.getMessage(), e);
        }
        return 0;
    }

    /** The settings of a model with {@code classes} outputs: the command line's, else "class 0", "class 1", ... */
    private ModelSettings settings(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(classes == FashionMnist.CLASS_NAMES.size() && dataOptions.builtIn()
                    ? FashionMnist.CLASS_NAMES.get(c) : "class " + c);
        }
        ModelSettings settings = dataOptions.settings(new ModelSettings(inputShape[0], inputShape[1], inputShape[2],
                Normalisation.NONE, names));
        if (settings.classNames().size() != classes) {
            throw new UserError(settings.classNames().size() + " class names given, but " + file + " has " + classes
                    + " classes");
        }
        return settings;
    }

    /** A measured point, the TorchScript file it came from (null when it was not kept) and its workspace id. */
    record Measured(Recipe recipe, Measurement measurement, Path file, Integer savedAs) {
    }

    private List<Measured> measure(PyTorchRuntime runtime, TorchScriptNetwork network, LabeledImages images,
                                   boolean subset, List<Recipe> recipes, PointContext context) throws IOException {
        Path folder = outDir == null ? Files.createTempDirectory("paretowb-torchscript") : outDirectory();
        try {
            TorchScriptMeasurer measurer = new TorchScriptMeasurer(runtime, network, images, subset, folder);
            System.err.println("warming up (one discarded measurement of the baseline, then batch-1 rounds)");
            runs(() -> {
                measurer.warmUp(CancelToken.NEVER);
                return null;
            });
            List<Measured> measured = new ArrayList<>();
            for (Recipe recipe : withBaseline(recipes)) {
                System.err.println("measuring " + recipe.summary());
                TorchScriptMeasurer.Point point = runs(() -> measurer.measure(recipe, CancelToken.NEVER));
                StoredPoint saved = workspace.save(context, recipe, point.measurement());
                if (saved != null) {
                    System.err.printf(Locale.ROOT, "saved as point %d in %s%n", saved.point().id(), workspace.file);
                }
                measured.add(new Measured(recipe, point.measurement(), outDir == null ? null : point.file(),
                        saved == null ? null : saved.point().id()));
            }
            return measured;
        } catch (WeightFileException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            if (outDir == null) {
                deleteFolder(folder);
            }
        }
    }

    private Path outDirectory() throws IOException {
        Path folder = outDir.toAbsolutePath().normalize();
        if (folder.equals(file.toAbsolutePath().normalize().getParent())) {
            throw new UserError("--out-dir must be another folder than the model's (" + folder + "): the model's"
                    + " folder is only read");
        }
        return Files.createDirectories(folder);
    }

    /** A model that does not run on the given input shape is the user's to fix: one line. */
    private <T> T runs(Work<T> work) throws WeightFileException, IOException {
        try {
            return work.run();
        } catch (ai.djl.engine.EngineException e) {
            throw new UserError(file + " does not run on input " + Arrays.toString(inputShape) + ": " + why(e), e);
        }
    }

    /** libtorch's own error line ("RuntimeError: mat1 and mat2 shapes cannot be multiplied ..."), else the first. */
    private static String why(Exception e) {
        List<String> lines = String.valueOf(e.getMessage()).lines().toList();
        return lines.stream().filter(l -> l.matches("\\w*Error: .*")).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.get(0));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws WeightFileException, IOException;
    }

    private static List<Recipe> withBaseline(List<Recipe> recipes) {
        List<Recipe> all = new ArrayList<>(List.of(Recipe.BASELINE));
        all.addAll(recipes);
        return all;
    }

    /** Every pair of --prune and --bits values but the baseline's (0 and 32), in the order given. */
    private List<Recipe> recipes() {
        double[] sparsities = prune == null ? new double[] {0} : prune;
        int[] widths = bits == null ? new int[] {32} : bits;
        PruningSettings.Scope scope = Flags.choice("--prune-scope", pruneScope,
                java.util.Map.entry("global", PruningSettings.Scope.GLOBAL),
                java.util.Map.entry("layer", PruningSettings.Scope.PER_LAYER));
        List<Recipe> recipes = new ArrayList<>();
        for (double sparsity : sparsities) {
            PruningSettings pruning = Flags.settings("--prune", () -> new PruningSettings(sparsity, scope));
            for (int width : widths) {
                QuantizationSettings quantization = width == 32 ? QuantizationSettings.NONE : Flags.settings(
                        "--bits (32 keeps fp32)", () -> new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, width,
                                true, true));
                Recipe recipe = Recipe.builder().pruning(pruning).quantization(quantization).build();
                if (!recipe.isBaseline() && !recipes.contains(recipe)) {
                    recipes.add(recipe);
                }
            }
        }
        return recipes;
    }

    private void listParameters(TorchScriptNetwork network) {
        long total = 0;
        for (TorchScriptNetwork.Parameter p : network.parameters()) {
            System.out.printf(Locale.ROOT, "%-28s %-18s %,10d%n", p.name(), Arrays.toString(p.shape()), p.count());
            total += p.count();
        }
        System.out.printf(Locale.ROOT, "%-47s %,10d%n", "parameters", total);
    }

    private void evaluateOnly(TorchScriptNetwork network, LabeledImages images) throws Exception {
        double accuracy = runs(() -> new Evaluator(250).accuracy(network, images, CancelToken.NEVER));
        System.out.printf(Locale.ROOT, "accuracy %.2f%% on %,d %s (%s)%n", accuracy * 100, images.size(),
                dataOptions.builtIn() ? "test images" : "evaluation images of " + images.name(), network.engine());
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
