package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.app.ExampleSession;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Compress an example network with a recipe and measure it on this machine.")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class,
            description = "Example network: cnn, cnn-wide or mlp (default: ${DEFAULT-VALUE}).")
    Architecture model;

    @Option(names = "--prune", defaultValue = "0", paramLabel = "SPARSITY",
            description = "Global magnitude pruning: fraction of weights set to zero, 0 to below 1.")
    double prune;

    @Option(names = "--prune-scope", defaultValue = "global", paramLabel = "global|layer",
            description = "Rank weights for --prune across the network or within each layer (default: ${DEFAULT-VALUE}).")
    String pruneScope;

    @Option(names = "--structured", defaultValue = "0", paramLabel = "RATIO",
            description = "Structured pruning: fraction of channels and hidden neurons removed, 0 to below 1.")
    double structured;

    @Option(names = "--structured-norm", defaultValue = "L1", paramLabel = "L1|L2",
            description = "Norm ranking channels and neurons for --structured (default: ${DEFAULT-VALUE}).")
    StructuredPruningSettings.Norm structuredNorm;

    @Option(names = "--structured-scope", defaultValue = "layer", paramLabel = "layer|global",
            description = "Remove the --structured ratio from each layer, or from all prunable units together,"
                    + " where they are relatively weakest (default: ${DEFAULT-VALUE}).")
    String structuredScope;

    @Option(names = "--finetune-epochs", defaultValue = "0", paramLabel = "N",
            description = "Fine-tune the compressed network for N epochs on the training set (pruned weights stay zero).")
    int fineTuneEpochs;

    @Option(names = "--finetune-lr", defaultValue = "0.0005", paramLabel = "RATE",
            description = "Adam's learning rate for fine-tuning, decayed by cosine (default: ${DEFAULT-VALUE}).")
    double fineTuneLearningRate;

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

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the student's training (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--engine", defaultValue = "onnxruntime", paramLabel = "onnxruntime|pytorch",
            description = "Engine that measures accuracy, latency and throughput (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--observer", defaultValue = "minmax", paramLabel = "minmax|percentile",
            description = "How static calibration sets activation ranges: min and max, or the 0.01st and 99.99th"
                    + " percentiles (default: ${DEFAULT-VALUE}).")
    String observer;

    @Option(names = "--per-tensor", description = "One scale per tensor instead of one per output channel.")
    boolean perTensor;

    @Option(names = "--asymmetric", description = "Asymmetric grid (with a zero point) instead of symmetric.")
    boolean asymmetric;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N",
            description = "Evaluate on the first N test images only (default: all 10,000).")
    int samples;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (samples < 0) {
            throw new UserError("--samples must be 0 (all) or a positive count, got " + samples);
        }
        Recipe recipe = new Recipe(distillation(),
                Flags.settings("--structured", () -> new StructuredPruningSettings(structured, structuredNorm,
                        structuredScope())),
                Flags.settings("--rank", () -> new LowRankSettings(rank, rankCriterion(), rankTarget())),
                Flags.settings("--prune", () -> new PruningSettings(prune, scope())),
                Flags.settings("--finetune-epochs/--finetune-lr",
                        () -> new FineTuneSettings(fineTuneEpochs, fineTuneLearningRate)),
                quantization());
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        RecipeApplier applier = recipe.fineTune().active() || recipe.distillation().active()
                || recipe.quantization().mode() == QuantizationSettings.Mode.STATIC
                ? ExampleSession.fineTuningApplier(runtime, (epoch, epochs, loss, accuracy, millis) ->
                        System.err.printf(Locale.ROOT, "training epoch %d/%d  loss %.4f  train accuracy %.2f%%  %.1f s%n",
                                epoch, epochs, loss, accuracy * 100, millis / 1000.0))
                : new RecipeApplier();
        PointMeasurer measurer = ExampleSession.measurer(Flags.engine(engine, runtime), model, samples, applier);
        measurer.warmUp(CancelToken.NEVER);
        long start = System.nanoTime();
        Measurement m = measurer.measure(recipe, CancelToken.NEVER);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(json ? json(recipe, m, measurer, seconds) : table(recipe, m, seconds));
        return 0;
    }



    private QuantizationSettings.Observer observer() {
        return switch (observer) {
            case "minmax" -> QuantizationSettings.Observer.MIN_MAX;
            case "percentile" -> QuantizationSettings.Observer.PERCENTILE;
            default -> throw new UserError("--observer must be minmax or percentile, not '" + observer + "'");
        };
    }

    private LowRankSettings.Target rankTarget() {
        return switch (rankLayers) {
            case "dense" -> LowRankSettings.Target.DENSE;
            case "conv" -> LowRankSettings.Target.CONV;
            case "all" -> LowRankSettings.Target.ALL;
            default -> throw new UserError("--rank-layers must be dense, conv or all, not '" + rankLayers + "'");
        };
    }

    private LowRankSettings.Criterion rankCriterion() {
        return switch (rankBy) {
            case "parameters" -> LowRankSettings.Criterion.PARAMETERS;
            case "energy" -> LowRankSettings.Criterion.ENERGY;
            default -> throw new UserError("--rank-by must be parameters or energy, not '" + rankBy + "'");
        };
    }

    private StructuredPruningSettings.Scope structuredScope() {
        return switch (structuredScope) {
            case "global" -> StructuredPruningSettings.Scope.GLOBAL;
            case "layer" -> StructuredPruningSettings.Scope.PER_LAYER;
            default -> throw new UserError("--structured-scope must be layer or global, not '" + structuredScope + "'");
        };
    }

    private PruningSettings.Scope scope() {
        return switch (pruneScope) {
            case "global" -> PruningSettings.Scope.GLOBAL;
            case "layer" -> PruningSettings.Scope.PER_LAYER;
            default -> throw new UserError("--prune-scope must be global or layer, not '" + pruneScope + "'");
        };
    }

    private DistillationSettings distillation() {
        if (distillStudent == null) {
            return DistillationSettings.NONE;
        }
        return Flags.settings("--distill-student/--temperature/--alpha/--distill-lr", () -> new DistillationSettings(distillStudent,
                temperature, alpha, distillEpochs, distillLearningRate, DistillationSettings.Optimizer.ADAM, 0, 128, seed));
    }

    private QuantizationSettings quantization() {
        QuantizationSettings.Mode mode = switch (quantMode) {
            case "weight" -> QuantizationSettings.Mode.WEIGHT;
            case "dynamic" -> QuantizationSettings.Mode.DYNAMIC;
            case "static" -> QuantizationSettings.Mode.STATIC;
            default -> throw new UserError("--quant must be weight, dynamic or static, not '" + quantMode + "'");
        };
        if (bits == 32 && mode == QuantizationSettings.Mode.WEIGHT) {
            return QuantizationSettings.NONE;
        }
        int weightBits = bits == 32 ? 8 : bits;
        return Flags.settings("--bits (32 keeps fp32)/--calibration", () -> new QuantizationSettings(mode, weightBits,
                !perTensor, !asymmetric, mode == QuantizationSettings.Mode.STATIC ? calibration : 0, observer(),
                Int8Layers.parse(int8Layers)));
    }



    private String json(Recipe recipe, Measurement m, PointMeasurer measurer, double seconds) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("model", model.cliName());
        o.put("recipe", recipe.summary());
        o.put("sparsity", recipe.pruning().sparsity());
        o.put("structured", recipe.structured().ratio());
        o.put("rank", recipe.lowRank().fraction());
        o.put("fineTuneEpochs", recipe.fineTune().epochs());
        o.put("bits", recipe.quantization().active() ? recipe.quantization().bits() : 32);
        o.put("network", m.network());
        o.put("accuracy", m.accuracy());
        o.put("latencyP50Ms", m.latencyP50Ms());
        o.put("latencyP95Ms", m.latencyP95Ms());
        o.put("sizeBytes", m.sizeBytes());
        o.put("parameters", m.parameters());
        o.put("nonZeros", m.nonZeros());
        o.put("prunableParameters", measurer.original().prunableParameters());
        o.put("macs", m.macs());
        o.put("throughput", m.throughput());
        o.put("throughputBatch", m.how().throughputBatch());
        o.put("samples", m.samples());
        o.put("engine", m.how().engine());
        o.put("threads", m.how().threads());
        o.put("latencyThreads", m.how().latencyThreads());
        o.put("evaluationSet", m.how().evaluationSet());
        o.put("subset", m.how().subset());
        o.put("latencyRuns", m.how().latencyTimedRuns());
        o.put("latencyWarmupRuns", m.how().latencyWarmupRuns());
        o.put("top5", m.top5());
        ArrayNode perClass = o.putArray("perClass");
        for (double a : m.perClass()) {
            perClass.add(a);
        }
        o.put("kernels", m.how().realKernels() ? "real" : "simulated");
        o.put("kernelsDetail", m.how().kernels());
        o.put("sizeFormat", m.how().sizeFormat());
        o.put("measureSeconds", seconds);
        return mapper.writeValueAsString(o);
    }

    private String table(Recipe recipe, Measurement m, double seconds) {
        return String.format(Locale.ROOT, """
                model        %s
                recipe       %s
                accuracy     %.2f%% top-1, %.2f%% top-5 on %d images (%s)
                latency      p50 %.3f ms, p95 %.3f ms (batch 1, %d runs after %d warm-up, %s, %d thread(s))
                size         %,d bytes (%s)
                parameters   %,d (%,d non-zero)
                MACs         %,d per image
                throughput   %,.0f images/s (batch %d, %d threads, best of 3 rounds)
                kernels      %s (%s)
                measured in  %.1f s""",
                model.title(), recipe.summary(), m.accuracy() * 100, m.top5() * 100, m.samples(), m.how().evaluationSet(),
                m.latencyP50Ms(), m.latencyP95Ms(), m.how().latencyTimedRuns(), m.how().latencyWarmupRuns(),
                m.how().engine(), m.how().latencyThreads(), m.sizeBytes(), m.how().sizeFormat(), m.parameters(),
                m.nonZeros(), m.macs(), m.throughput(), m.how().throughputBatch(), m.how().threads(),
                m.how().realKernels() ? "real" : "simulated", m.how().kernels(), seconds);
    }
}
