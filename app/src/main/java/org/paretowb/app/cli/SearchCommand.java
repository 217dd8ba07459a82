package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paretowb.models.measure.Measurement;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.search.BalanceSearch;
import org.paretowb.services.search.CandidateEvaluator;
import org.paretowb.services.search.Goal;
import org.paretowb.services.search.GridStrategy;
import org.paretowb.services.search.Objective;
import org.paretowb.services.search.RandomStrategy;
import org.paretowb.services.search.SearchResult;
import org.paretowb.services.search.SearchSpace;
import org.paretowb.services.search.SearchStrategy;
import org.paretowb.services.search.TpeStrategy;
import org.paretowb.services.search.Trial;
import org.paretowb.services.store.RecipeFile;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the recipe space for the best latency, size, MACs or throughput within an accuracy budget.",
            "Candidates are measured on the first --subset images; the best third go on to the full evaluation set,"
                + " and the answer is always a full-set measurement. With --workspace every candidate is a point there,"
                + " and the same command run again resumes from them (same seed, same sequence; nothing measured twice).",
            "Example: search --model cnn --max-drop 1.0 --minimise latency --budget-evals 60 --strategy tpe"
                + " --workspace w.pwws --json"})
public final class SearchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl).")
    ModelSource model;

    @Mixin
    GoalOptions goalOptions;

    @Option(names = "--budget-evals", defaultValue = "60", paramLabel = "N",
            description = "Measurements the search may make, subset and full set alike; the baselines are not counted"
                    + " (default: ${DEFAULT-VALUE}).")
    int budgetEvals;

    @Option(names = "--strategy", defaultValue = "tpe", paramLabel = "tpe|random|grid",
            description = "tpe (tree-structured Parzen estimator), random or grid (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of random and tpe (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--space", paramLabel = "FILE",
            description = "Search-space file (services/docs/search-space.schema.json); default: the built-in space.")
    Path space;

    @Option(names = "--subset", defaultValue = "2000", paramLabel = "N",
            description = "Images of successive halving's first rung; 0 measures every candidate on the full set"
                    + " (default: ${DEFAULT-VALUE}).")
    int subset;

    @Option(names = "--eta", defaultValue = "3", description = "One candidate in ETA goes on to the full set"
            + " (default: ${DEFAULT-VALUE}).")
    int eta;

    @Option(names = "--batch", defaultValue = "6", description = "Candidates proposed per round (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--slack", defaultValue = "1.0", paramLabel = "POINTS",
            description = "A subset drop this far over the budget may still go on to the full set (default: ${DEFAULT-VALUE}).")
    double slack;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Measure each round's candidates on Apache Spark: local[*] (embedded), spark://host:7077 (a"
                    + " standalone cluster) or yarn. Needs the Spark job jar and Spark's jars on the class path (README,"
                    + " \"Sweeps on Apache Spark\"). Minimises bytes or macs only (latency timed on executors is not"
                    + " this machine's); spaces that fine-tune or calibrate static int8 stay in-process.")
    String spark;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "With --spark: names the run; run again with the same id, seed and workspace, the points the"
                    + " workspace holds are read back and only the rest measured (default: a new id).")
    String runId;

    @Override
    public Integer call() throws Exception {
        Goal goal = goalOptions.goal();
        SearchSpace searchSpace = SearchSetup.space(space);
        SearchStrategy chosen = strategy(strategy, searchSpace, seed);
        BalanceSearch.Settings settings = Flags.settings("--budget-evals, --batch, --subset, --eta, --slack",
                () -> new BalanceSearch.Settings(budgetEvals, batch, subset, eta, slack));
        if (spark == null && runId != null) {
            throw new UserError("--run-id names a run on Spark; give it with --spark");
        }
        if (spark != null) {
            SparkSearch.check(goal, searchSpace);
        }
        long start = System.nanoTime();
        SearchResult result;
        try (SearchSetup setup = spark == null ? SearchSetup.open(model, dataOptions, searchSpace, workspace.file)
                : SparkSearch.open(model, dataOptions, goal, searchSpace, workspace.file, spark, runId)) {
            System.err.printf(Locale.ROOT, "paretowb: searching %s with %s (seed %d): %s within %s points, %d"
                    + " evaluations, %s%n", setup.model.title(), chosen.name(), seed, goal.objective().title(),
                    plain(goal.maxDropPoints()), budgetEvals, subset > 0 && subset < setup.evaluator.fullSetSize()
                            ? "candidates on " + subset + " images first" : "every candidate on the full set");
            result = new BalanceSearch(searchSpace, goal, chosen, setup.evaluator, settings)
                    .run(SearchCommand::progress, CancelToken.NEVER);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "paretowb: %d evaluations (%d on the full set, %d read from the workspace) in"
                + " %.1f s%s%n", result.evaluations(), result.fullSetEvaluations(), result.reused(), seconds,
                result.exhausted() ? "; the strategy had no other candidate" : "");
        System.out.print(json ? json(result, searchSpace, chosen) : text(result, searchSpace));
        return 0;
    }

    static SearchStrategy strategy(String name, SearchSpace space, long seed) {
        return switch (name) {
            case "tpe" -> new TpeStrategy(space, seed);
            case "random" -> new RandomStrategy(space, seed);
            case "grid" -> new GridStrategy(space);
            default -> throw new UserError("--strategy must be tpe, random or grid, not '" + name + "'");
        };
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", v)).stripTrailingZeros().toPlainString();
    }

    private static void progress(Trial t, int evaluations, int budget, Trial best) {
        Measurement m = t.measured().measurement();
        System.err.printf(Locale.ROOT, "[%d/%d] %s %s: %.2f%% (drop %+.2f)%s, %,d bytes, p50 %.4f ms%s | best: %s%n",
                evaluations, budget, t.fullSet() ? "full  " : "subset", t.recipe().summary(), m.accuracy() * 100,
                t.dropPoints(), t.meets() ? "" : " over budget", m.sizeBytes(), m.latencyP50Ms(),
                t.measured().reused() ? " (from the workspace)" : "",
                best == null ? "none yet" : best.recipe().summary());
    }

    private String text(SearchResult r, SearchSpace space) {
        Measurement base = r.baseline().measurement();
        StringBuilder out = new StringBuilder();
        Objective o = r.goal().objective();
        out.append(String.format(Locale.ROOT, "baseline: %.2f%% top-1 on %,d images, %s%n", base.accuracy() * 100,
                base.samples(), o.format(o.value(base))));
        if (r.best() == null) {
            out.append("no candidate measured on the full set met the budget: the baseline is the answer\n");
            return out.toString();
        }
        Trial b = r.best();
        Measurement m = b.measured().measurement();
        out.append(String.format(Locale.ROOT, "answer (evaluation %d%s): %s%n", b.number(),
                b.measured().point() > 0 ? ", point " + b.measured().point() : "", b.recipe().summary()));
        out.append(String.format(Locale.ROOT, "  %.2f%% top-1 on the full set of %,d images (drop %.2f points),"
                        + " %s: %.3fx the baseline's%s%n", m.accuracy() * 100, m.samples(), b.dropPoints(),
                o.format(o.value(m)), o.maximised() ? 1 / b.loss() : b.loss(),
                o == Objective.LATENCY && m.sessionBaseline() != null ? " timed in interleaved rounds" : ""));
        out.append(String.format(Locale.ROOT, "  batch-1 p50 %.4f ms, %,d bytes, %,d MACs, %,.0f images/s%s%n",
                m.latencyP50Ms(), m.sizeBytes(), m.macs(), m.throughput(), spark == null ? ""
                        : " (timed on " + m.how().machine() + "; the answer is ranked on accuracy and " + o.unit()
                        + " only)"));
        out.append("  recipe file:\n").append(RecipeFile.text(b.recipe()).indent(4));
        return out.toString();
    }

    private String json(SearchResult r, SearchSpace space, SearchStrategy s) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("strategy", s.name());
        o.put("seed", seed);
        o.put("objective", r.goal().objective().name().toLowerCase(Locale.ROOT));
        o.put("maximised", r.goal().objective().maximised());
        o.put("maxDropPoints", r.goal().maxDropPoints());
        o.put("evaluations", r.evaluations());
        o.put("fullSetEvaluations", r.fullSetEvaluations());
        o.put("reused", r.reused());
        o.put("exhausted", r.exhausted());
        Trial b = r.best();
        o.put("answerIsBaseline", b == null);
        Measurement m = b == null ? r.baseline().measurement() : b.measured().measurement();
        o.put("recipe", b == null ? "baseline (fp32, dense)" : b.recipe().summary());
        o.set("recipeFile", mapper.readTree(RecipeFile.text(b == null
                ? org.paretowb.models.recipe.Recipe.BASELINE : b.recipe())));
        if (b != null) {
            ObjectNode knobs = o.putObject("knobs");
            for (Map.Entry<String, Object> e : space.settings(b.candidate()).entrySet()) {
                knobs.set(e.getKey(), mapper.valueToTree(e.getValue()));
            }
            o.put("evaluation", b.number());
        }
        o.put("point", b == null ? r.baseline().point() : b.measured().point());
        o.put("dropPoints", b == null ? 0.0 : b.dropPoints());
        o.put("relativeToBaseline", b == null ? 1.0 : r.goal().objective().maximised() ? 1 / b.loss() : b.loss());
        o.put("measuredOn", m.how().machine());
        ObjectNode measurement = o.putObject("measurement");
        MeasurementJson.put(measurement, m);
        ObjectNode baseline = o.putObject("baseline");
        MeasurementJson.put(baseline, r.baseline().measurement());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }
}
