package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.evaluate.Int8Planner;
import org.paretowb.services.evaluate.LayerProfiler;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "layers", mixinStandardHelpOptions = true,
        description = {"Per-layer kernel time on ONNX Runtime, fp32 against static int8, from ONNX Runtime's own",
            "profiler: the table behind --int8-layers auto ('where it pays')."})
public final class BenchLayersCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--runs", defaultValue = "200", description = "Profiled runs per batch size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--batch", defaultValue = "250", description = "The evaluation batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--int8-target", defaultValue = "balanced", paramLabel = "balanced|latency|throughput",
            description = "What the choice is made for (default: ${DEFAULT-VALUE}); throughput times the whole"
                    + " network's evaluation at --int8-batch.")
    String int8Target;

    @Option(names = "--int8-batch", defaultValue = "256", description = "The batch of --int8-target throughput"
            + " (default: ${DEFAULT-VALUE}).")
    int int8Batch;

    @Override
    public Integer call() {
        Int8Planner.Target target = Flags.settings("--int8-target", () -> Int8Planner.Target.parse(int8Target, int8Batch));
        if (runs < 1 || batch < 1) {
            throw new UserError("--runs and --batch must be positive");
        }
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        OrtRuntime ort = new OrtRuntime();
        LabeledImages test = ExampleSession.testSet();
        WeightSet calibrated = ExampleSession.fineTuningApplier(pytorch, (e, n, l, a, ms) -> { })
                .apply(ExampleSession.exampleWeights(model), Recipe.builder()
                        .quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 1000))
                        .build(),
                        CancelToken.NEVER);
        Int8Planner.Plan plan = new Int8Planner(ort, new LayerProfiler(ort, runs, batch))
                .plan(calibrated, test, target, CancelToken.NEVER);
        LayerProfiler.Profile profile = plan.profile();
        System.out.printf(Locale.ROOT, "%s on %s; kernel time per run in microseconds, %d runs after warm-up%n",
                model.title(), ort.description(), runs);
        System.out.printf(Locale.ROOT, "%-7s %10s %10s %7s   %12s %12s %7s   %s%n", "layer", "fp32 b1", "int8 b1",
                "ratio", "fp32 b" + batch, "int8 b" + batch, "ratio", "int8 pays");
        for (LayerProfiler.LayerTime t : profile.layers()) {
            System.out.printf(Locale.ROOT, "%-7s %10.1f %10.1f %7.2f   %12.1f %12.1f %7.2f   %s%n", t.layer(),
                    t.fp32Batch1(), t.int8Batch1(), t.int8Batch1() / t.fp32Batch1(), t.fp32Batch(), t.int8Batch(),
                    t.int8Batch() / t.fp32Batch(), "other".equals(t.layer()) ? "" : t.pays() ? "yes" : "no");
        }
        System.out.println("candidates (int8 kernel faster at both batch sizes): " + names(profile.paying()));
        System.out.println("whole network, relative to fp32 (batch-1 p50, 1,000-image evaluation at batch "
                + target.batch() + "; medians of 3 rounds):");
        for (Int8Planner.Option option : plan.options()) {
            System.out.printf(Locale.ROOT, "  int8 in %-24s batch-1 %.2f  evaluation %.2f  mean %.2f  cost for the"
                    + " target %.2f%n", names(option.layers()), option.batch1Ratio(), option.evaluationRatio(),
                    option.cost(), target.cost(option));
        }
        System.out.println("where it pays, chosen for " + target.describe() + ": " + names(plan.chosen()));
        return 0;
    }

    private static String names(java.util.Set<String> layers) {
        return layers.isEmpty() ? "no layer" : String.join(", ", new java.util.TreeSet<>(layers));
    }
}
