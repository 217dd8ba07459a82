package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.LiveSet;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.monitor.OtherProcesses;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "interactive", mixinStandardHelpOptions = true,
        description = {"Replays slider changes (sparsity 1%%, 2%%, … in turn) through the window's measuring lane on",
            "the live subset, and reports change-to-point time: from the change to the measured point (pruned copy,",
            "ONNX export, session, accuracy, batch-1 latency and throughput). Also the raw inference time of the",
            "subset, and the process's resident memory after the first 50 changes and after all of them."})
public final class BenchInteractiveCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--changes", defaultValue = "50", description = "Slider changes (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--samples", defaultValue = "1000", description = "Live subset size (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** The window's live subset when the full set is over budget. */
    private static final int LIVE_FALLBACK = 1000;
    private double otherCpuShare;
    /** Each phase's milliseconds summed over the changes (where the Java side of a point goes). */
    private final java.util.Map<String, Double> phases = new java.util.LinkedHashMap<>();
    private int fullSetSize;

    @Override
    public Integer call() throws Exception {
        if (changes < 1 || samples < 1) {
            throw new UserError("--changes and --samples must be positive");
        }
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        OrtRuntime ort = new OrtRuntime();
        PointMeasurer measurer = ExampleSession.measurer(new org.paretowb.services.evaluate.OrtMeasuringEngine(ort,
                ExampleSession.testSet().first(1000)), model, samples, new RecipeApplier());
        double[] millis = new double[changes];
        OtherProcesses others = new OtherProcesses();
        OtherProcesses.Mark mark = others.mark();
        long rssAfter50 = -1;
        try (MeasuringSession lane = new MeasuringSession(ExampleSession.context(model), () -> {
                    pytorch.prepareInferenceThread();
                    return measurer;
                }, () -> {
                    throw new UnsupportedOperationException("one engine");
                })) {
            lane.start().result().join();
            for (int i = 0; i < changes; i++) {
                Recipe recipe = Recipe.builder().pruning(new PruningSettings((i % 95 + 1) / 100.0)).build();
                long start = System.nanoTime();
                lane.submit(MeasuringSession.Order.LATEST, (m, token) -> m.main().measure(recipe, token)).result().join();
                millis[i] = (System.nanoTime() - start) / 1e6;
                measurer.lastTimes().millis().forEach((phase, ms) -> phases.merge(phase, ms, Double::sum));
                if (i == Math.min(50, changes) - 1) {
                    rssAfter50 = residentBytes();
                }
            }
        }
        long rssAfterAll = residentBytes();
        otherCpuShare = others.shareSince(mark);
        fullSetSize = ExampleSession.testSet().size();
        double raw = rawMillis(ort, measurer);
        Percentiles p = new Percentiles(millis);
        print(p, raw, rssAfter50, rssAfterAll, measurer.evaluationSet().size());
        return 0;
    }

    /** Median time to compute the subset's logits on a ready ONNX Runtime session of the unchanged model. */
    private static double rawMillis(OrtRuntime ort, PointMeasurer measurer) {
        byte[] onnx = new org.paretowb.services.onnx.OnnxExporter().export(measurer.original());
        double[] runs = new double[7];
        try (OnnxNetwork network = ort.load(onnx, measurer.original().spec(), Runtime.getRuntime().availableProcessors())) {
            Evaluator evaluator = new Evaluator(250);
            // the inputs converted once, as the points' evaluation has them: raw is the engine's time alone
            org.paretowb.services.evaluate.ScaledInputs inputs =
                    org.paretowb.services.evaluate.ScaledInputs.of(measurer.evaluationSet());
            evaluator.evaluate(network, measurer.evaluationSet(), inputs, CancelToken.NEVER);
            for (int i = 0; i < runs.length; i++) {
                long start = System.nanoTime();
                evaluator.evaluate(network, measurer.evaluationSet(), inputs, CancelToken.NEVER);
                runs[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Flags.median(runs);
    }

    /** The process's resident set from /proc (Linux); -1 where that is not available. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void print(Percentiles p, double raw, long rss50, long rssAll, int subset) throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("model", model.cliName());
            o.put("changes", changes);
            o.put("subset", subset);
            o.put("p50Ms", p.at(50));
            o.put("p95Ms", p.at(95));
            o.put("rawMs", raw);
            o.put("p50OverRaw", p.at(50) / raw);
            o.put("rssAfter50Bytes", rss50);
            o.put("rssAfterAllBytes", rssAll);
            o.put("rssGrowthBytes", rssAll - rss50);
            o.put("otherCpuShare", otherCpuShare);
            ObjectNode breakdown = o.putObject("meanPhaseMs");
            phases.forEach((phase, ms) -> breakdown.put(phase, Math.round(ms / changes * 100) / 100.0));
            if (subset >= fullSetSize) {
                LiveSet live = LiveSet.decide(p.at(95), changes, LIVE_FALLBACK, fullSetSize);
                o.put("liveDefaultSamples", live.samples());
                o.put("liveDefault", live.reason());
            } else {
                o.putNull("liveDefaultSamples");
                o.put("liveDefault", "decided on full-set points: run with --samples " + fullSetSize);
            }
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return;
        }
        System.out.printf(Locale.ROOT, "%d changes on %s, %d-image live subset%n", changes, model.title(), subset);
        System.out.printf(Locale.ROOT, "change to point: p50 %.1f ms, p95 %.1f ms; raw inference of the subset %.1f ms"
                + " (p50 / raw %.1f)%n", p.at(50), p.at(95), raw, p.at(50) / raw);
        System.out.printf(Locale.ROOT, "resident memory: %,d bytes after %d changes, %,d after %d (%+,.1f MB)%n",
                rss50, Math.min(50, changes), rssAll, changes, (rssAll - rss50) / 1e6);
        System.out.println("mean time per phase of a point:");
        phases.forEach((phase, ms) -> System.out.printf(Locale.ROOT, "  %-40s %8.2f ms%n", phase, ms / changes));
        System.out.printf(Locale.ROOT, "other processes took %.0f%% of the CPU meanwhile%s%n", otherCpuShare * 100,
                otherCpuShare > org.paretowb.models.measure.Provenance.BUSY_SHARE ? ": the times are overstated" : "");
        if (subset >= fullSetSize) {
            System.out.println("live default: " + LiveSet.decide(p.at(95), changes, LIVE_FALLBACK, fullSetSize).reason());
        }
    }
}
