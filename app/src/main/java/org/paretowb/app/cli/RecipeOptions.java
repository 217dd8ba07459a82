package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.util.Locale;
import java.util.Map;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.LayerRemovalSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.runtime.PyTorchRuntime;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paretowb.services.store.RecipeFile;
import org.paretowb.services.store.RecipeFileException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The flags of every compression technique, shared by the commands that apply a recipe (eval, export). */
public final class RecipeOptions {
    @Option(names = "--recipe", paramLabel = "FILE",
            description = "A recipe file (JSON, format paretowb-recipe; see services/docs/recipe.schema.json) instead of the"
                    + " technique flags below, which it cannot be combined with.")
    Path recipeFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--prune", defaultValue = "0", paramLabel = "SPARSITY",
            description = "Global magnitude pruning: fraction of weights set to zero, 0 to below 1.")
    double prune;

    @Option(names = "--prune-scope", defaultValue = "global", paramLabel = "global|layer",
            description = "Rank weights for --prune across the network or within each layer (default: ${DEFAULT-VALUE}).")
    String pruneScope;

    @picocli.CommandLine.Mixin
    StructuredOptions structuredOptions = new StructuredOptions();

    @Option(names = "--finetune-epochs", defaultValue = "0", paramLabel = "N",
            description = "Fine-tune the compressed network for N epochs on the training set (pruned weights stay zero).")
    int fineTuneEpochs;

    @picocli.CommandLine.Mixin
    FineTuneOptions fineTuneOptions = new FineTuneOptions();

    @Option(names = "--remove-layers", defaultValue = "0", paramLabel = "N|fc2,conv2",
            description = "Remove whole layers or blocks first: the N least sensitive (measured on training images),"
                    + " or the named ones (a hidden dense layer with its activation, a convolution with its norm and"
                    + " activation, a residual block by its join's name); fine-tune after it (default: ${DEFAULT-VALUE}).")
    String removeLayers;

    @Option(names = "--distill-student", paramLabel = "mlp:64|cnn:8,16",
            description = "Distil the model into this student first (trained on the training set).")
    String distillStudent;

    @Option(names = "--temperature", defaultValue = "4", description = "Distillation temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--alpha", defaultValue = "0.7", description = "Weight of the teacher's soft targets (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--distill-epochs", defaultValue = "10", description = "Student epochs (default: ${DEFAULT-VALUE}).")
    int distillEpochs;

    @Option(names = "--distill-lr", defaultValue = "0.01", description = "Student's Adam learning rate, cosine-decayed."
            + " At 0.001 a 784-64-10 student is still undertrained after 10 epochs and distillation costs accuracy;"
            + " at 0.01 it pays (default: ${DEFAULT-VALUE}).")
    double distillLearningRate;

    @Option(names = "--distill-optimizer", defaultValue = "adam", paramLabel = "adam|sgd",
            description = "Student's optimizer (default: ${DEFAULT-VALUE}).")
    String distillOptimizer;

    @Option(names = "--distill-weight-decay", defaultValue = "0", description = "Student's weight decay (default: ${DEFAULT-VALUE}).")
    double distillWeightDecay;

    @Option(names = "--distill-batch", defaultValue = "128", description = "Student's batch size (default: ${DEFAULT-VALUE}).")
    int distillBatch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of a CSV --data file's split into training and"
            + " evaluation rows, and of the student's training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rank", defaultValue = "1", paramLabel = "FRACTION",
            description = "Low-rank (truncated SVD): each factorized layer keeps at most this fraction of its weights,"
                    + " or of its singular-value energy with --rank-by energy (1 = off).")
    double rank;

    @Option(names = "--rank-layers", defaultValue = "dense", paramLabel = "dense|conv|all",
            description = "Which hidden layers --rank factorizes; a convolution becomes r filters and a 1x1 convolution"
                    + " (default: ${DEFAULT-VALUE}).")
    String rankLayers;

    @Option(names = "--rank-by", defaultValue = "parameters", paramLabel = "parameters|energy",
            description = "What --rank is a fraction of (default: ${DEFAULT-VALUE}).")
    String rankBy;

    @Option(names = "--bits", defaultValue = "32", paramLabel = "32|8|4|2",
            description = "Weight bits: 32 keeps fp32; 8, 4 or 2 quantize the weights (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--quant", defaultValue = "weight", paramLabel = "weight|dynamic|static",
            description = "weight: weights only; dynamic: also dense inputs, per batch; static: also every conv and "
                    + "dense input, calibrated (default: ${DEFAULT-VALUE}). dynamic and static imply --bits 8 when "
                    + "--bits is not given.")
    String quantMode;

    @Option(names = "--calibration", defaultValue = "1000", paramLabel = "N",
            description = "Training images for static calibration (default: ${DEFAULT-VALUE}).")
    int calibration;

    @Option(names = "--int8-layers", defaultValue = "all", paramLabel = "auto|all|conv2,fc1",
            description = "With --quant static on ONNX Runtime: the layers that run on int8 kernels: all, auto (where"
                    + " the per-layer profile finds int8 faster) or a list (default: ${DEFAULT-VALUE}).")
    String int8Layers;

    @Option(names = "--observer", defaultValue = "minmax", paramLabel = "minmax|percentile",
            description = "How static calibration sets activation ranges: min and max, or the 0.01st and 99.99th"
                    + " percentiles (default: ${DEFAULT-VALUE}).")
    String observer;

    @Option(names = "--per-tensor", description = "One scale per tensor instead of one per output channel.")
    boolean perTensor;

    @Option(names = "--asymmetric", description = "Asymmetric grid (with a zero point) instead of symmetric.")
    boolean asymmetric;

    /**
     * The recipe of {@code --recipe}'s file, or the one the flags describe; a flag out of range, a file that cannot
     * be read, or a file given with technique flags becomes a one-line user error.
     */
    public Recipe recipe() {
        if (recipeFile != null) {
            List<String> given = givenTechniqueFlags();
            if (!given.isEmpty()) {
                throw new UserError("--recipe cannot be combined with technique flags (" + String.join(", ", given)
                        + "): put the settings in the recipe file, or leave out --recipe");
            }
            try {
                return RecipeFile.read(recipeFile);
            } catch (RecipeFileException e) {
                throw new UserError(e.getMessage(), e);
            }
        }
        return flagsRecipe();
    }

    /** Whether a recipe file was given. */
    public boolean fromFile() {
        return recipeFile != null;
    }

    /** The technique flags given on the command line ({@code --seed} also splits data, so it is not one of them). */
    private List<String> givenTechniqueFlags() {
        Set<String> technique = new HashSet<>();
        for (Class<?> type : List.of(RecipeOptions.class, StructuredOptions.class, FineTuneOptions.class)) {
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    technique.addAll(List.of(option.names()));
                }
            }
        }
        technique.removeAll(List.of("--recipe", "--seed"));
        ParseResult parsed = mixee.commandLine().getParseResult();
        return parsed.matchedOptions().stream().map(OptionSpec::longestName).filter(technique::contains).distinct()
                .toList();
    }

    private Recipe flagsRecipe() {
        return Recipe.builder()
                .distillation(distillation())
                .structured(structuredOptions.settings())
                .lowRank(Flags.settings("--rank", () -> new LowRankSettings(rank, rankCriterion(), rankTarget())))
                .pruning(Flags.settings("--prune", () -> new PruningSettings(prune, scope())))
                .removal(Flags.settings("--remove-layers", () -> LayerRemovalSettings.parse(removeLayers)))
                .fineTune(fineTuneOptions.settings(fineTuneEpochs))
                .quantization(quantization())
                .build();
    }

    /**
     * An applier that trains and calibrates on {@code training} (fitted to the model) when the recipe needs it;
     * epochs are reported on stderr. A recipe that needs training data where there is none is refused first.
     */
    public static RecipeApplier applier(Recipe recipe, PyTorchRuntime runtime, TrainingData training) {
        requireTraining(java.util.List.of(recipe), training);
        return needsTraining(recipe)
                ? ExampleSession.fineTuningApplier(runtime, (epoch, epochs, loss, accuracy, millis) ->
                        System.err.printf(Locale.ROOT, "training epoch %d/%d  loss %.4f  train accuracy %.2f%%  %.1f s%n",
                                epoch, epochs, loss, accuracy * 100, millis / 1000.0), training)
                : new RecipeApplier();
    }

    /** Whether the recipe trains (distillation, fine-tuning) or calibrates (static int8). */
    public static boolean needsTraining(Recipe recipe) {
        return !stagesNeedingTraining(recipe).isEmpty();
    }

    /**
     * Refuses, before any work starts, recipes whose stages need training data when there is none: one line
     * naming the stages, why there is none and what to give.
     */
    public static void requireTraining(java.util.List<Recipe> recipes, TrainingData training) {
        if (training.available()) {
            return;
        }
        java.util.Set<String> stages = new java.util.LinkedHashSet<>();
        recipes.forEach(r -> stages.addAll(stagesNeedingTraining(r)));
        if (!stages.isEmpty()) {
            throw new UserError(String.join(", ", stages) + " need" + (stages.size() == 1 ? "s" : "")
                    + " training data, and there is none: " + training.missing() + ". Give --train-data (an idx"
                    + " folder, one sub-folder of images per class, or a CSV file) or --eval-share to split the"
                    + " evaluation data; Fashion-MNIST's own training set goes only with its test set (no --data)");
        }
    }

    private static java.util.List<String> stagesNeedingTraining(Recipe recipe) {
        java.util.List<String> stages = new java.util.ArrayList<>();
        if (recipe.distillation().active()) {
            stages.add("distillation");
        }
        if (recipe.fineTune().active()) {
            stages.add("fine-tuning");
        }
        if (recipe.quantization().mode() == QuantizationSettings.Mode.STATIC) {
            stages.add("static int8 calibration");
        }
        return stages;
    }

    private QuantizationSettings.Observer observer() {
        return Flags.choice("--observer", observer, Map.entry("minmax", QuantizationSettings.Observer.MIN_MAX),
                Map.entry("percentile", QuantizationSettings.Observer.PERCENTILE));
    }

    private LowRankSettings.Target rankTarget() {
        return Flags.choice("--rank-layers", rankLayers, Map.entry("dense", LowRankSettings.Target.DENSE),
                Map.entry("conv", LowRankSettings.Target.CONV), Map.entry("all", LowRankSettings.Target.ALL));
    }

    private LowRankSettings.Criterion rankCriterion() {
        return Flags.choice("--rank-by", rankBy, Map.entry("parameters", LowRankSettings.Criterion.PARAMETERS),
                Map.entry("energy", LowRankSettings.Criterion.ENERGY));
    }

    private PruningSettings.Scope scope() {
        return Flags.choice("--prune-scope", pruneScope, Map.entry("global", PruningSettings.Scope.GLOBAL),
                Map.entry("layer", PruningSettings.Scope.PER_LAYER));
    }

    private DistillationSettings distillation() {
        if (distillStudent == null) {
            return DistillationSettings.NONE;
        }
        return Flags.settings("--distill-student/--temperature/--alpha/--distill-lr/--distill-batch/--distill-weight-decay", () -> new DistillationSettings(distillStudent,
                temperature, alpha, distillEpochs, distillLearningRate, Flags.choice("--distill-optimizer", distillOptimizer,
                Map.entry("adam", DistillationSettings.Optimizer.ADAM), Map.entry("sgd", DistillationSettings.Optimizer.SGD)),
                distillWeightDecay, distillBatch, seed));
    }

    private QuantizationSettings quantization() {
        QuantizationSettings.Mode mode = Flags.choice("--quant", quantMode,
                Map.entry("weight", QuantizationSettings.Mode.WEIGHT), Map.entry("dynamic", QuantizationSettings.Mode.DYNAMIC),
                Map.entry("static", QuantizationSettings.Mode.STATIC));
        if (bits == 32 && mode == QuantizationSettings.Mode.WEIGHT) {
            return QuantizationSettings.NONE;
        }
        int weightBits = bits == 32 ? 8 : bits;
        return Flags.settings("--bits (32 keeps fp32)/--calibration", () -> new QuantizationSettings(mode, weightBits,
                !perTensor, !asymmetric, mode == QuantizationSettings.Mode.STATIC ? calibration : 0, observer(),
                Int8Layers.parse(int8Layers)));
    }
}
