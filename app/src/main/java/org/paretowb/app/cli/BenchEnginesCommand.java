package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringEngine;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.PyTorchMeasuringEngine;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "engines", mixinStandardHelpOptions = true,
        description = {"Real kernels compared in one run: DJL PyTorch against ONNX Runtime fp32, static int8",
            "everywhere and where it pays, dynamic int8 (MLP) and structured pruning, on the full 10k test set.",
            "Batch-1 p50 (1 thread) and 10k evaluation time (batch 250, all cores, after a 500-image warm-up):",
            "medians of alternating rounds."})
public final class BenchEnginesCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--models", defaultValue = "cnn,cnn-wide,mlp", split = ",", converter = ModelOption.class,
            description = "Example networks (default: ${DEFAULT-VALUE}).")
    List<Architecture> models;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--int8-target", defaultValue = "balanced", paramLabel = "balanced|latency|throughput",
            description = "What the 'where it pays' rows choose their int8 layers for (default: ${DEFAULT-VALUE});"
                    + " with throughput, every 10k evaluation runs at --int8-batch.")
    String int8Target;

    @Option(names = "--int8-batch", defaultValue = "256", description = "The batch of --int8-target throughput"
            + " (default: ${DEFAULT-VALUE}).")
    int int8Batch;

    private int evaluationBatch = 250;

    private record Variant(String model, String name, String baseline, double accuracy, MeasuringEngine.Loadable loadable,
                           double[] p50, double[] evalSeconds) {
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new UserError("--rounds must be positive");
        }
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        LabeledImages test = ExampleSession.testSet();
        org.paretowb.services.evaluate.Int8Planner.Target target = Flags.settings("--int8-target",
                () -> org.paretowb.services.evaluate.Int8Planner.Target.parse(int8Target, int8Batch));
        if (target.kind() == org.paretowb.services.evaluate.Int8Planner.Target.Kind.THROUGHPUT) {
            evaluationBatch = target.batch();
        }
        OrtMeasuringEngine ort = new OrtMeasuringEngine(new OrtRuntime(), test.first(1000),
                Runtime.getRuntime().availableProcessors(), target);
        System.err.println("int8 where it pays chooses for " + target.describe() + "; 10k evaluations at batch "
                + evaluationBatch);
        PyTorchMeasuringEngine djl = new PyTorchMeasuringEngine(pytorch);
        RecipeApplier applier = ExampleSession.fineTuningApplier(pytorch, (e, n, l, a, ms) -> { });
        Evaluator evaluator = new Evaluator(evaluationBatch);
        List<Variant> variants = new ArrayList<>();
        for (Architecture model : models) {
            String fp32 = model.cliName() + " ORT fp32";
            if (model != Architecture.MLP) {
                variants.add(variant(model, model.cliName() + " DJL fp32", fp32, Recipe.BASELINE, djl, applier, test));
            }
            variants.add(variant(model, fp32, fp32, Recipe.BASELINE, ort, applier, test));
            if (model == Architecture.MLP) {
                variants.add(variant(model, model.cliName() + " ORT dynamic int8", fp32,
                        quantized(QuantizationSettings.Mode.DYNAMIC, Int8Layers.ALL), ort, applier, test));
                continue;
            }
            variants.add(variant(model, model.cliName() + " ORT int8 everywhere", fp32,
                    quantized(QuantizationSettings.Mode.STATIC, Int8Layers.ALL), ort, applier, test));
            variants.add(variant(model, model.cliName() + " ORT int8 where it pays", fp32,
                    quantized(QuantizationSettings.Mode.STATIC, Int8Layers.WHERE_IT_PAYS), ort, applier, test));
            variants.add(variant(model, model.cliName() + " ORT structured 50%", fp32, Recipe.builder()
                    .structured(new StructuredPruningSettings(0.5, StructuredPruningSettings.Norm.L1)).build(), ort,
                    applier, test));
        }
        LatencyProbe latency = new LatencyProbe(50, 500, 1);
        for (int round = 0; round < rounds; round++) {
            for (Variant v : variants) {
                try (InferenceNetwork single = v.loadable().load(1)) {
                    v.p50()[round] = pytorchThreads(pytorch, v, () -> latency.measure(single, test, CancelToken.NEVER)).at(50);
                }
                try (InferenceNetwork all = v.loadable().load(Runtime.getRuntime().availableProcessors())) {
                    evaluator.accuracy(all, test.first(500), CancelToken.NEVER); // warm-up: first batches are slower
                    long start = System.nanoTime();
                    evaluator.accuracy(all, test, CancelToken.NEVER);
                    v.evalSeconds()[round] = (System.nanoTime() - start) / 1e9;
                }
            }
            System.err.printf(Locale.ROOT, "round %d/%d done%n", round + 1, rounds);
        }
        print(variants);
        return 0;
    }

    private static <T> T pytorchThreads(PyTorchRuntime pytorch, Variant v, java.util.function.Supplier<T> work) {
        return v.name().contains("DJL") ? pytorch.withThreads(1, work) : work.get();
    }

    private static Recipe quantized(QuantizationSettings.Mode mode, Int8Layers layers) {
        return Recipe.builder().quantization(new QuantizationSettings(mode, 8, true, true,
                mode == QuantizationSettings.Mode.STATIC ? 1000 : 0, QuantizationSettings.Observer.MIN_MAX, layers))
                .build();
    }

    private Variant variant(Architecture model, String name, String baseline, Recipe recipe, MeasuringEngine engine,
                            RecipeApplier applier, LabeledImages test) {
        WeightSet weights = applier.apply(ExampleSession.exampleWeights(model), recipe, CancelToken.NEVER);
        MeasuringEngine.Loadable loadable = engine.prepare(weights, recipe, CancelToken.NEVER);
        double accuracy;
        try (InferenceNetwork network = loadable.load(Runtime.getRuntime().availableProcessors())) {
            accuracy = new Evaluator(evaluationBatch).accuracy(network, test, CancelToken.NEVER);
        }
        System.err.printf(Locale.ROOT, "%s: %.2f%% (%s)%n", name, accuracy * 100, loadable.kernels());
        return new Variant(model.cliName(), name, baseline, accuracy, loadable, new double[rounds], new double[rounds]);
    }

    private void print(List<Variant> variants) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        if (!json) {
            System.out.printf(Locale.ROOT, "%-30s %8s %11s %8s %11s %8s  %s%n", "variant", "accuracy", "b1 p50 ms",
                    "ratio", "10k eval s", "ratio", "kernels");
        }
        for (Variant v : variants) {
            Variant base = variants.stream().filter(b -> b.name().equals(v.baseline())).findFirst().orElseThrow();
            double p50 = Flags.median(v.p50());
            double eval = Flags.median(v.evalSeconds());
            double p50Ratio = p50 / Flags.median(base.p50());
            double evalRatio = eval / Flags.median(base.evalSeconds());
            if (json) {
                ObjectNode o = rows.addObject();
                o.put("variant", v.name());
                o.put("accuracy", v.accuracy());
                o.put("accuracyDelta", v.accuracy() - base.accuracy());
                o.put("p50Ms", p50);
                o.put("p50Ratio", p50Ratio);
                o.put("evalSeconds", eval);
                o.put("evalRatio", evalRatio);
                o.put("kernels", v.loadable().kernels());
            } else {
                System.out.printf(Locale.ROOT, "%-30s %7.2f%% %11.4f %8.2f %11.3f %8.2f  %s%n", v.name(),
                        v.accuracy() * 100, p50, p50Ratio, eval, evalRatio, v.loadable().kernels());
            }
        }
        if (json) {
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            System.out.println("ratios are against the same network's ORT fp32 row; DJL rows too; 10k evaluations at"
                    + " batch " + evaluationBatch);
        }
    }
}
