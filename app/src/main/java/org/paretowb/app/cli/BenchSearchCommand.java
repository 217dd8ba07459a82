package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.models.measure.Measurement;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.search.BalanceSearch;
import org.paretowb.services.search.Goal;
import org.paretowb.services.search.GridStrategy;
import org.paretowb.services.search.RandomStrategy;
import org.paretowb.services.search.SearchListener;
import org.paretowb.services.search.SearchResult;
import org.paretowb.services.search.SearchSpace;
import org.paretowb.services.search.SearchStrategy;
import org.paretowb.services.search.TpeStrategy;
import org.paretowb.services.search.Trial;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Grid against random against TPE: how many evaluations each needs to reach the best point of"
                + " a dense grid within the accuracy budget.",
            "The grid (every range at its steps) is measured once on the full set and kept in the workspace; random"
                + " and TPE then search the same candidates, seed after seed, reading each measured figure from the"
                + " workspace, so that every strategy sees the same figures and the comparison is not blurred by"
                + " latency noise. Run it again on the same workspace and nothing is measured twice.",
            "Example: bench search --model cnn --space services/docs/search-spaces/cnn-latency-grid.json"
                + " --max-drop 1.0 --minimise latency --seeds 5 --workspace grid.pwws"})
public final class BenchSearchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl).")
    ModelSource model;

    @Mixin
    GoalOptions goalOptions;

    @Option(names = "--space", paramLabel = "FILE", description = "Search-space file whose grid is the dense grid"
            + " (default: the built-in space).")
    Path space;

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds of random and TPE (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--budget-evals", defaultValue = "60", paramLabel = "N",
            description = "The evaluation budget the best-within-budget column reports (default: ${DEFAULT-VALUE}).")
    int budgetEvals;

    @Option(names = "--tolerance", defaultValue = "0.05", paramLabel = "SHARE",
            description = "Also count evaluations to come within this share of the grid's best (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--workspace", required = true, paramLabel = "FILE",
            description = "Workspace holding the grid's points (measured into it the first time).")
    Path workspace;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** One strategy's run with one seed. */
    private record Run(String strategy, long seed, int toBest, int toNear, double bestWithinBudget, int evaluations) {
    }

    @Override
    public Integer call() throws Exception {
        Goal goal = goalOptions.goal();
        if (seeds < 1 || budgetEvals < 1 || !(tolerance >= 0)) {
            throw new UserError("--seeds and --budget-evals must be 1 or more, --tolerance 0 or more");
        }
        SearchSpace grid = SearchSetup.space(space).discretised();
        int size = (int) Math.min(Integer.MAX_VALUE, grid.gridSize());
        List<Run> runs = new ArrayList<>();
        SearchResult dense;
        try (SearchSetup setup = SearchSetup.open(model, dataOptions, grid, workspace)) {
            System.err.printf(Locale.ROOT, "paretowb: the dense grid has %,d candidates; measuring those not yet in %s%n",
                    size, workspace);
            long start = System.nanoTime();
            dense = new BalanceSearch(grid, goal, new GridStrategy(grid), setup.evaluator,
                    BalanceSearch.Settings.fullSetOnly(size)).run(BenchSearchCommand::gridProgress, CancelToken.NEVER);
            System.err.printf(Locale.ROOT, "paretowb: grid of %d in %.1f s (%d read from the workspace)%n",
                    dense.evaluations(), (System.nanoTime() - start) / 1e9, dense.reused());
            if (dense.best() == null) {
                throw new UserError("no point of the grid met the budget of " + goalOptions.maxDrop + " points: nothing to reach");
            }
            double best = dense.best().loss();
            double near = best * (1 + tolerance);
            runs.add(new Run("grid", 0, dense.evaluationsToReach(best), dense.evaluationsToReach(near),
                    bestWithin(dense, budgetEvals), dense.evaluations()));
            for (String name : List.of("random", "tpe")) {
                for (long seed = 1; seed <= seeds; seed++) {
                    SearchStrategy s = name.equals("tpe") ? new TpeStrategy(grid, seed) : new RandomStrategy(grid, seed);
                    SearchResult r = new BalanceSearch(grid, goal, s, setup.evaluator,
                            BalanceSearch.Settings.fullSetOnly(size)).run(SearchListener.NONE, CancelToken.NEVER);
                    runs.add(new Run(name, seed, r.evaluationsToReach(best), r.evaluationsToReach(near),
                            bestWithin(r, budgetEvals), r.evaluations()));
                }
            }
        }
        System.out.print(json ? json(dense, goal, runs) : text(dense, goal, runs));
        return 0;
    }

    /** The best loss within the budget among the first {@code n} evaluations (NaN when none met it). */
    private static double bestWithin(SearchResult r, int n) {
        return r.trials().stream().filter(t -> t.number() <= n && t.fullSet() && t.meets())
                .mapToDouble(Trial::loss).min().orElse(Double.NaN);
    }

    private static void gridProgress(Trial t, int n, int of, Trial best) {
        if (!t.measured().reused() || n % 50 == 0 || n == of) {
            Measurement m = t.measured().measurement();
            System.err.printf(Locale.ROOT, "[%d/%d] %s: %.2f%% (drop %+.2f), p50 %.4f ms, %,d bytes%s%n", n, of,
                    t.recipe().summary(), m.accuracy() * 100, t.dropPoints(), m.latencyP50Ms(), m.sizeBytes(),
                    t.measured().reused() ? " (from the workspace)" : "");
        }
    }

    private static double median(List<Run> runs, String strategy, boolean near) {
        double[] v = runs.stream().filter(r -> r.strategy.equals(strategy))
                .mapToDouble(r -> {
                    int e = near ? r.toNear : r.toBest;
                    return e == 0 ? Double.POSITIVE_INFINITY : e;
                }).toArray();
        return Flags.median(v);
    }

    private String text(SearchResult dense, Goal goal, List<Run> runs) {
        StringBuilder out = new StringBuilder();
        Trial b = dense.best();
        Measurement m = b.measured().measurement();
        Measurement base = dense.baseline().measurement();
        out.append(String.format(Locale.ROOT, "baseline: %.2f%% top-1 on %,d images, p50 %.4f ms, %,d bytes%n",
                base.accuracy() * 100, base.samples(), base.latencyP50Ms(), base.sizeBytes()));
        out.append(String.format(Locale.ROOT, "grid's best within %s points (%d candidates, %d within the budget):"
                        + " point %d, %s%n  %.2f%% (drop %.2f), p50 %.4f ms, %,d bytes, %,d MACs; %s %.3fx the baseline's%n",
                Double.toString(goal.maxDropPoints()), dense.evaluations(),
                dense.trials().stream().filter(Trial::meets).count(), b.measured().point(), b.recipe().summary(),
                m.accuracy() * 100, b.dropPoints(), m.latencyP50Ms(), m.sizeBytes(), m.macs(),
                goal.objective().title(), goal.objective().maximised() ? 1 / b.loss() : b.loss()));
        out.append(String.format(Locale.ROOT, "%-7s %5s %14s %18s %22s%n", "strategy", "seed", "evals to best",
                "evals to within " + Math.round(tolerance * 100) + "%", "best in " + budgetEvals + " evals"));
        for (Run r : runs) {
            out.append(String.format(Locale.ROOT, "%-7s %5s %14s %18s %22s%n", r.strategy,
                    r.strategy.equals("grid") ? "-" : Long.toString(r.seed), reached(r.toBest, r.evaluations),
                    reached(r.toNear, r.evaluations), Double.isNaN(r.bestWithinBudget) ? "none"
                            : String.format(Locale.ROOT, "%.3fx", r.bestWithinBudget)));
        }
        for (String s : List.of("random", "tpe")) {
            out.append(String.format(Locale.ROOT, "median over %d seeds, %s: %s evaluations to the grid's best, %s to"
                    + " within %d%%%n", seeds, s, plain(median(runs, s, false)), plain(median(runs, s, true)),
                    Math.round(tolerance * 100)));
        }
        return out.toString();
    }

    private static String reached(int e, int of) {
        return e == 0 ? "not in " + of : Integer.toString(e);
    }

    private static String plain(double v) {
        return Double.isInfinite(v) ? "never" : v == Math.rint(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A number, or null when it is infinite (the median of runs most of which never reached the target). */
    private static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private String json(SearchResult dense, Goal goal, List<Run> runs) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("objective", goal.objective().name().toLowerCase(Locale.ROOT));
        o.put("maxDropPoints", goal.maxDropPoints());
        o.put("gridSize", dense.evaluations());
        Trial b = dense.best();
        ObjectNode best = o.putObject("gridBest");
        best.put("point", b.measured().point());
        best.put("recipe", b.recipe().summary());
        best.put("dropPoints", b.dropPoints());
        best.put("relativeToBaseline", goal.objective().maximised() ? 1 / b.loss() : b.loss());
        MeasurementJson.put(best.putObject("measurement"), b.measured().measurement());
        ArrayNode rs = o.putArray("runs");
        for (Run r : runs) {
            ObjectNode n = rs.addObject();
            n.put("strategy", r.strategy);
            n.put("seed", r.seed);
            n.put("evaluationsToBest", r.toBest);
            n.put("evaluationsToWithinTolerance", r.toNear);
            if (Double.isNaN(r.bestWithinBudget)) {
                n.putNull("bestRelativeWithinBudgetEvals");
            } else {
                n.put("bestRelativeWithinBudgetEvals", r.bestWithinBudget);
            }
        }
        o.put("tolerance", tolerance);
        for (String s : List.of("random", "tpe")) {
            ObjectNode med = o.putObject("median_" + s);
            putFinite(med, "evaluationsToBest", median(runs, s, false));
            putFinite(med, "evaluationsToWithinTolerance", median(runs, s, true));
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }
}
