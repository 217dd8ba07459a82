package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.StoredPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Compress a network with a recipe (technique flags or --recipe FILE) and measure it on this machine.",
            "Exit codes: 0 done (gate passed), 1 unexpected fault, 2 bad input (one line on stderr),",
            "3 the --fail-if-drop-over gate failed (figures printed)."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "An example (cnn, cnn-wide, mlp) or a model file (.onnx, .pwb, .djl) (default: ${DEFAULT-VALUE}).")
    org.paretowb.services.usecase.ModelSource model;

    @Mixin
    RecipeOptions recipeOptions;

    @Option(names = "--engine", defaultValue = "onnxruntime", paramLabel = "onnxruntime|pytorch",
            description = "Engine that measures accuracy, latency and throughput (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N",
            description = "Evaluate on the first N evaluation images or rows only (default: all).")
    int samples;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--fail-if-drop-over", paramLabel = "POINTS",
            description = "A CI gate: also measure the baseline on the same images in this run, and exit with code 3"
                    + " (the figures printed) when the recipe loses more than POINTS percentage points of top-1"
                    + " accuracy against it.")
    Double dropBudget;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "With --fail-if-drop-over: write the gate's result as a JUnit XML test suite (one test case,"
                    + " a failure element when over the budget).")
    java.nio.file.Path junit;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    DataOptions dataOptions;

    @picocli.CommandLine.Mixin
    MeasureOptions measureOptions;

    @Override
    public Integer call() throws Exception {
        if (samples < 0) {
            throw new UserError("--samples must be 0 (all) or a positive count, got " + samples);
        }
        AccuracyGate.check(dropBudget);
        if (junit != null) {
            if (dropBudget == null) {
                throw new UserError("--junit goes with --fail-if-drop-over: it writes the gate's result");
            }
            org.paretowb.services.usecase.AtomicFile.requireWritableFolder(junit);
        }
        Recipe recipe = recipeOptions.recipe();
        DataOptions.Loaded data = dataOptions.load(model, recipeOptions.seed);
        model = data.model();
        org.paretowb.models.data.LabeledImages evaluation = data.evaluation();
        RecipeOptions.requireTraining(java.util.List.of(recipe), data.training());
        workspace.open();
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        RecipeApplier applier = RecipeOptions.applier(recipe, runtime, data.training());
        // not timed in blocks of fresh sessions (PointMeasurer.timedInBlocks): measured here, a process runs the CNN at
        // about 0.06 or about 0.085 ms for its whole life, and fresh sessions within one process agree to about 3%, so
        // blocks did not widen the interval to cover that and only made eval slower
        PointMeasurer measurer = measureOptions.measurer(measureOptions.engine(engine, runtime, evaluation),
                model.weights(), samples, applier, evaluation);
        measurer.warmUp(CancelToken.NEVER);
        Measurement baseline = dropBudget == null ? null : measurer.measure(Recipe.BASELINE, CancelToken.NEVER);
        long start = System.nanoTime();
        Measurement m = Flags.settings("--int8-layers", () -> measurer.measure(recipe, CancelToken.NEVER));
        double seconds = (System.nanoTime() - start) / 1e9;
        StoredPoint saved = workspace.save(ExampleSession.context(model.title(), model.weights(), evaluation, dataOptions.builtIn()),
                recipe,
                m);
        workspace.close();
        AccuracyGate gate = baseline == null ? null
                : new AccuracyGate(dropBudget, baseline.accuracy(), m.accuracy(), m.samples());
        System.out.println(json ? json(recipe, m, measurer, seconds, data, gate)
                : table(recipe, m, seconds, evaluation.isImages() ? "images" : "rows", data)
                        + (gate == null ? "" : "\ngate         " + gate.figures()));
        if (saved != null) {
            System.err.printf(Locale.ROOT, "saved as point %d in %s%n", saved.point().id(), workspace.file);
        }
        String busy = MeasurementJson.busyWarning(m);
        if (busy != null) {
            System.err.println(busy);
        }
        return gate == null ? 0 : verdict(gate, recipe, seconds);
    }

    private int verdict(AccuracyGate gate, Recipe recipe, double seconds) throws java.io.IOException {
        if (junit != null) {
            JUnitReport.write(junit, gate, model.title(), recipe.summary(), seconds);
        }
        if (gate.passed()) {
            return 0;
        }
        System.err.println("paretowb: accuracy gate failed: " + gate.figures());
        return AccuracyGate.FAILED;
    }



    private String json(Recipe recipe, Measurement m, PointMeasurer measurer, double seconds, DataOptions.Loaded data,
                        AccuracyGate gate) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("model", model.name());
        o.put("recipe", recipe.summary());
        o.put("sparsity", recipe.pruning().sparsity());
        o.put("structured", recipe.structured().ratio());
        o.put("rank", recipe.lowRank().fraction());
        o.put("fineTuneEpochs", recipe.fineTune().epochs());
        if (recipe.fineTune().active()) {
            o.put("fineTuneOptimizer", recipe.fineTune().optimizer().name().toLowerCase(java.util.Locale.ROOT));
            o.put("fineTuneLearningRate", recipe.fineTune().learningRate());
            o.put("fineTuneSchedule", recipe.fineTune().schedule().name().toLowerCase(java.util.Locale.ROOT));
            o.put("fineTuneL1", recipe.fineTune().l1());
            o.put("fineTuneL2", recipe.fineTune().l2());
            o.put("fineTuneBatch", recipe.fineTune().batchSize());
        }
        o.put("removeLayers", recipe.removal().describe());
        o.put("bits", recipe.quantization().active() ? recipe.quantization().bits() : 32);
        MeasurementJson.put(o, m);
        o.put("prunableParameters", measurer.original().prunableParameters());
        o.put("measureSeconds", seconds);
        InputsJson.put(o, model.settings(), model.normalisationAssumed(), data.evaluation(), data.training());
        if (gate != null) {
            ObjectNode g = o.putObject("gate");
            g.put("baselineAccuracy", gate.baseline());
            g.put("compressedAccuracy", gate.compressed());
            g.put("dropPoints", gate.drop());
            g.put("budgetPoints", gate.budget());
            g.put("samples", gate.samples());
            g.put("passed", gate.passed());
        }
        return mapper.writeValueAsString(o);
    }

    private String table(Recipe recipe, Measurement m, double seconds, String items, DataOptions.Loaded data) {
        return String.format(Locale.ROOT, """
                model        %s
                input        %s
                recipe       %s
                accuracy     %.2f%% top-1%s, %.2f%% top-5 on %d %s (%s)
                latency      p50 %.3f ms%s, p95 %.3f ms (batch 1, %d runs in %d rounds after %d warm-up, %s, %d thread(s))
                vs baseline  %s
                machine      %s (session %s)%s
                size         %,d bytes (%s)
                parameters   %,d (%,d non-zero)
                MACs         %,d per image
                throughput   %,.0f images/s (batch %d, %d threads, best of 3 rounds)
                kernels      %s (%s)
                measured in  %.1f s""",
                model.title(), InputsJson.line(model.settings(), model.normalisationAssumed(), data.evaluation()),
                recipe.summary(), m.accuracy() * 100, Intervals.accuracy(m), m.top5() * 100, m.samples(), items,
                m.how().evaluationSet(), m.latencyP50Ms(), Intervals.latency(m), m.latencyP95Ms(),
                m.how().latencyTimedRuns(), m.how().latencyRounds(), m.how().latencyWarmupRuns(),
                m.how().engine(), m.how().latencyThreads(), Intervals.againstBaseline(m), m.how().machine(),
                m.how().session(), Intervals.load(m.how()), m.sizeBytes(), m.how().sizeFormat(), m.parameters(),
                m.nonZeros(), m.macs(), m.throughput(), m.how().throughputBatch(), m.how().threads(),
                m.how().realKernels() ? "real" : "simulated", m.how().kernels(), seconds);
    }
}
