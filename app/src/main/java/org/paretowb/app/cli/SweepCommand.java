package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.pareto.ParetoFront;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Measure every recipe of a grid and write one row per point, the Pareto-optimal ones marked.",
            "Example: sweep --model cnn --grid \"prune=0,0.5,0.9;bits=32,8,4\" --samples 2000 --out points.csv",
            "         sweep --model cnn --space services/docs/search-spaces/standard.json --out points.csv"})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl).")
    org.paretowb.services.usecase.ModelSource model;

    @Option(names = "--grid", description = "knob=v1,v2;knob=... (prune, structured, rank, bits, finetune).")
    String grid;

    @Option(names = "--space", paramLabel = "FILE", description = "A search-space file (services/docs/"
            + "search-space.schema.json): every combination of its knobs' grid values, a range in its steps.")
    Path space;

    @Option(names = "--engine", defaultValue = "onnxruntime", paramLabel = "onnxruntime|pytorch",
            description = "Engine that measures every point (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N", description = "Evaluate on the first N test images.")
    int samples;

    @Option(names = "--out", paramLabel = "FILE",
            description = "CSV file to write at the end (JSON with --json); --out, --workspace or both.")
    Path out;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Write JSON instead of CSV.")
    boolean json;

    @picocli.CommandLine.Mixin
    DataOptions dataOptions;

    @picocli.CommandLine.Mixin
    FineTuneOptions fineTuneOptions = new FineTuneOptions();

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of a CSV --data file's split into training and evaluation rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    MeasureOptions measureOptions;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Measure the points on Apache Spark: local[*] (embedded), spark://host:7077 (a standalone"
                    + " cluster) or yarn. Needs the Spark job jar and Spark's jars on the class path (README,"
                    + " \"Sweeps on Apache Spark\"). Fine-tuning and static int8 recipes stay in-process.")
    String spark;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "With --spark: names the run; run again with the same id and workspace, only the points the"
                    + " workspace does not hold yet are measured (default: a new id).")
    String runId;

    @Override
    public Integer call() throws Exception {
        if (spark != null) {
            return new SparkSweep(this).run();
        }
        List<Recipe> recipes = recipes().stream().map(r -> r.fineTune().active()
                ? r.toBuilder().fineTune(fineTuneOptions.settings(r.fineTune().epochs())).build() : r).toList();
        if (out == null && !workspace.given()) {
            throw new UserError("say where the points go: --out FILE, --workspace FILE or both");
        }
        if (out != null) {
            AtomicFile.requireWritableFolder(out);
        }
        DataOptions.Loaded data = dataOptions.load(model, seed);
        model = data.model();
        org.paretowb.models.data.LabeledImages evaluation = data.evaluation();
        RecipeOptions.requireTraining(recipes, data.training());
        workspace.open();
        PointContext context = ExampleSession.context(model.title(), model.weights(), evaluation,
                dataOptions.builtIn());
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        boolean trains = recipes.stream().anyMatch(RecipeOptions::needsTraining);
        RecipeApplier applier = trains
                ? ExampleSession.fineTuningApplier(runtime, (e, n, l, a, ms) -> { }, data.training())
                : new RecipeApplier();
        PointMeasurer measurer = measureOptions.measurer(measureOptions.engine(engine, runtime, evaluation), model.weights(),
                samples, applier, evaluation);
        measurer.warmUp(CancelToken.NEVER);
        List<EvaluatedPoint> points = new ArrayList<>();
        long start = System.nanoTime();
        for (Recipe recipe : recipes) {
            long pointStart = System.nanoTime();
            Measurement m = measurer.measure(recipe, CancelToken.NEVER);
            StoredPoint saved = workspace.save(context, recipe, m);
            points.add(saved != null ? saved.point() : new EvaluatedPoint(points.size() + 1, recipe, m));
            System.err.printf(Locale.ROOT, "[%d/%d] %s: %.2f%%, %,d bytes, p50 %.3f ms (%.1f s)%n", points.size(),
                    recipes.size(), recipe.summary(), m.accuracy() * 100, m.sizeBytes(), m.latencyP50Ms(),
                    (System.nanoTime() - pointStart) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workspace.close();
        if (out != null) {
            write(points);
        }
        System.err.printf(Locale.ROOT, "%d points in %.1f s (%.2f s per point)%s%s%n", points.size(), seconds,
                seconds / points.size(), out == null ? "" : "; wrote " + out,
                workspace.given() ? "; saved to " + workspace.file : "");
        return 0;
    }

    /** The recipes of --grid or of --space's grid; exactly one of them is given. */
    List<Recipe> recipes() {
        if ((grid == null) == (space == null)) {
            throw new UserError("give the recipes to sweep as --grid \"knob=v1,v2;...\" or --space FILE, one of them");
        }
        if (grid != null) {
            return new SweepGrid(grid).recipes();
        }
        org.paretowb.services.search.SearchSpace grid;
        try {
            grid = org.paretowb.services.search.SpaceFile.read(space).discretised();
        } catch (org.paretowb.services.search.SpaceFileException e) {
            throw new UserError(e.getMessage(), e);
        }
        return grid.grid().stream().map(grid::recipe).distinct().toList();
    }

    void write(List<EvaluatedPoint> points) throws IOException {
        ParetoFront<EvaluatedPoint> bySize = new ParetoFront<>(p -> p.measurement().accuracy(),
                p -> p.measurement().sizeBytes());
        // latency as the charts place it: against the baseline timed in the same rounds (LatencyAnchors)
        ParetoFront<EvaluatedPoint> byLatency = new ParetoFront<>(p -> p.measurement().accuracy(),
                org.paretowb.models.measure.LatencyAnchors.of(points)::p50);
        String text = json ? json(points, bySize, byLatency) : csv(points, bySize, byLatency);
        AtomicFile.write(out, temp -> Files.writeString(temp, text));
    }

    private static String csv(List<EvaluatedPoint> points, ParetoFront<EvaluatedPoint> bySize,
                              ParetoFront<EvaluatedPoint> byLatency) {
        StringBuilder csv = new StringBuilder("id,recipe,accuracy,latencyP50Ms,latencyP95Ms,sizeBytes,parameters,"
                + "nonZeros,macs,throughput,samples,kernels,paretoSize,paretoLatency\n");
        for (EvaluatedPoint p : points) {
            Measurement m = p.measurement();
            csv.append(String.format(Locale.ROOT, "%d,\"%s\",%.4f,%.4f,%.4f,%d,%d,%d,%d,%.0f,%d,\"%s\",%b,%b%n", p.id(),
                    p.recipe().summary(), m.accuracy(), m.latencyP50Ms(), m.latencyP95Ms(), m.sizeBytes(),
                    m.parameters(), m.nonZeros(), m.macs(), m.throughput(), m.samples(), m.how().kernels(),
                    bySize.onFront(p, points), byLatency.onFront(p, points)));
        }
        return csv.toString();
    }

    private static String json(List<EvaluatedPoint> points, ParetoFront<EvaluatedPoint> bySize,
                               ParetoFront<EvaluatedPoint> byLatency) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        for (EvaluatedPoint p : points) {
            ObjectNode row = mapper.valueToTree(p.measurement());
            row.remove("predictions");
            row.put("id", p.id());
            row.put("recipe", p.recipe().summary());
            row.put("paretoSize", bySize.onFront(p, points));
            row.put("paretoLatency", byLatency.onFront(p, points));
            rows.add(row);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
    }
}
