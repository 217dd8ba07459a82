package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Int8Planner;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.ParallelEvaluation;
import org.paretowb.services.evaluate.Partitions;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.monitor.OtherProcesses;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cores", mixinStandardHelpOptions = true,
        description = {"Data parallelism on this machine's cores, as speed-ups over one worker, on ONNX Runtime:",
            "(1) a full 10k evaluation with the images in contiguous slices, one session of 1 intra-op thread per",
            "worker (beside one session with every core as intra-op threads); (2) a sweep of recipes (48 by default)",
            "with the recipes handed out to workers from a shared queue, each worker measuring whole points with its",
            "own measurer and cores / workers intra-op threads (one worker: as 'sweep' measures). Other processes'",
            "share of the CPU is printed with each figure: on a shared machine the speed-ups are what it gave then."})
public final class BenchCoresCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--workers", split = ",", description = "Worker counts (default: 1 to the machine's cores).")
    List<Integer> workers;

    @Option(names = "--rounds", defaultValue = "5", description = "Evaluation rounds per worker count; the median"
            + " counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--grid", defaultValue = "prune=0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.85,0.9,0.95;bits=32,8,4,2",
            description = "The sweep's grid, as for 'sweep' (default: 48 recipes, ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--skip-sweep", description = "Only the evaluation.")
    boolean skipSweep;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> counts = workers == null ? java.util.stream.IntStream.rangeClosed(1, cores).boxed().toList()
                : workers;
        if (counts.stream().anyMatch(w -> w < 1) || rounds < 1) {
            throw new UserError("--workers and --rounds must be 1 or more");
        }
        List<Recipe> recipes = skipSweep ? List.of() : new SweepGrid(grid).recipes();
        if (recipes.stream().anyMatch(RecipeOptions::needsTraining)) {
            throw new UserError("--grid: this benchmark measures recipes without training (no finetune)");
        }
        OrtRuntime ort = new OrtRuntime();
        WeightSet weights = ExampleSession.exampleWeights(model);
        LabeledImages test = ExampleSession.testSet();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode result = mapper.createObjectNode();
        result.put("model", model.cliName());
        result.put("cores", cores);
        result.set("evaluation", evaluation(ort, weights, test, counts, cores, mapper));
        if (!skipSweep) {
            result.set("sweep", sweep(ort, weights, test, recipes, counts, cores, mapper));
        }
        result.put("loadAverage", loadAverage());
        if (json) {
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
        return 0;
    }

    private ObjectNode evaluation(OrtRuntime ort, WeightSet weights, LabeledImages test, List<Integer> counts, int cores,
                                  ObjectMapper mapper) {
        byte[] onnx = new OnnxExporter().export(weights);
        ParallelEvaluation parallel = new ParallelEvaluation(250);
        ObjectNode node = mapper.createObjectNode();
        node.put("images", test.size());
        node.put("batch", 250);
        ArrayNode rows = node.putArray("rows");
        double one = 0;
        List<String> setups = new ArrayList<>();
        for (int w : counts) {
            setups.add(w + " worker" + (w == 1 ? "" : "s") + " x 1 intra-op thread");
        }
        setups.add("1 session x " + cores + " intra-op threads");
        for (int s = 0; s < setups.size(); s++) {
            boolean reference = s == counts.size();
            int w = reference ? 1 : counts.get(s);
            int threads = reference ? cores : 1;
            double[] millis = new double[rounds];
            double accuracy = 0;
            OtherProcesses others = new OtherProcesses();
            OtherProcesses.Mark mark = others.mark();
            for (int r = 0; r < rounds; r++) {
                ParallelEvaluation.Result res = parallel.run(k -> ort.load(onnx, weights.spec(), threads), test, w,
                        CancelToken.NEVER);
                millis[r] = res.millis();
                accuracy = res.accuracy();
            }
            double median = Flags.median(millis);
            if (s == 0) {
                one = median;
            }
            double share = others.shareSince(mark);
            ObjectNode row = rows.addObject();
            row.put("setup", setups.get(s));
            row.put("workers", w);
            row.put("intraOpThreads", threads);
            row.put("medianMs", median);
            row.put("speedUp", one / median);
            row.put("accuracy", accuracy);
            row.put("otherCpuShare", share);
            if (!json) {
                System.out.printf(Locale.ROOT, "10k evaluation, %-38s median %8.1f ms  speed-up %.2fx  accuracy %.2f%%"
                        + "  (others used %.0f%% of the CPU)%n", setups.get(s) + ":", median, one / median,
                        accuracy * 100, share * 100);
            }
        }
        return node;
    }

    private ObjectNode sweep(OrtRuntime ort, WeightSet weights, LabeledImages test, List<Recipe> recipes,
                             List<Integer> counts, int cores, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("recipes", recipes.size());
        ArrayNode rows = node.putArray("rows");
        double one = 0;
        List<Double> reference = null;
        for (int w : counts) {
            int threads = Math.max(1, cores / w);
            List<PointMeasurer> measurers = new ArrayList<>();
            for (int k = 0; k < w; k++) {
                PointMeasurer m = ExampleSession.measurer(new OrtMeasuringEngine(ort, test.first(1000), threads,
                        Int8Planner.Target.BALANCED), weights, 0, new RecipeApplier(), test);
                m.warmUp(CancelToken.NEVER);
                measurers.add(m);
            }
            OtherProcesses others = new OtherProcesses();
            OtherProcesses.Mark mark = others.mark();
            long start = System.nanoTime();
            List<Measurement> points = Partitions.shared(recipes, w,
                    (worker, recipe) -> measurers.get(worker).measure(recipe, CancelToken.NEVER));
            double seconds = (System.nanoTime() - start) / 1e9;
            double share = others.shareSince(mark);
            List<Double> accuracies = points.stream().map(Measurement::accuracy).toList();
            if (reference == null) {
                reference = accuracies;
                one = seconds;
            }
            ObjectNode row = rows.addObject();
            row.put("workers", w);
            row.put("intraOpThreadsEach", threads);
            row.put("seconds", seconds);
            row.put("speedUp", one / seconds);
            row.put("sameAccuracies", accuracies.equals(reference));
            row.put("otherCpuShare", share);
            if (!json) {
                System.out.printf(Locale.ROOT, "%d-point sweep, %d worker%s x %d intra-op thread%s: %6.1f s  speed-up %.2fx"
                                + "  accuracies %s  (others used %.0f%% of the CPU)%n", recipes.size(), w,
                        w == 1 ? "" : "s", threads, threads == 1 ? "" : "s", seconds, one / seconds,
                        accuracies.equals(reference) ? "as with 1 worker" : "DIFFER from 1 worker's", share * 100);
            }
        }
        return node;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
