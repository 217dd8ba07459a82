package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.charts.report.ReportRenderer;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.report.ReportInput;
import org.paretowb.models.report.ReportScope;
import org.paretowb.services.usecase.ReportExport;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a report of a workspace's points: .html (self-contained, charts as SVG), .pdf, .csv or",
            ".json by the file name. It has the charts, the points, each recipe, nominal against measured gains,",
            "what each point forgot against the baseline (per-class deltas, flipped images) and how it was measured."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "The workspace to report on.")
    Path file;

    @Option(names = "--points", defaultValue = "all", paramLabel = "all|frontier|ID,ID",
            description = "Which points: all, the frontier (latency or size), or ids (default: ${DEFAULT-VALUE}).")
    String points;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "report.html, .pdf, .csv or .json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Flags.settings("--out", () -> {
            ReportExport.requireFormat(out);
            return out;
        });
        AtomicFile.requireWritableFolder(out);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no workspace at " + file);
        }
        List<StoredPoint> stored;
        java.util.Map<String, List<String>> classNames = new java.util.HashMap<>();
        try (Workspace workspace = Workspace.open(file)) {
            stored = workspace.points();
            stored.stream().map(point -> point.context().modelHash()).distinct().forEach(hash -> workspace.settings(hash)
                    .ifPresent(settings -> classNames.put(hash, settings.classNames())));
        }
        if (stored.isEmpty()) {
            throw new UserError(file + " has no points to report on");
        }
        StoredPoint newest = stored.get(stored.size() - 1);
        PointContext context = newest.context();
        List<EvaluatedPoint> ofModel = stored.stream().filter(s -> s.context().sameAs(context)).map(StoredPoint::point)
                .toList();
        if (ofModel.size() < stored.size()) {
            System.err.printf(Locale.ROOT, "reporting on %s (the newest point's model): %d of the %d points%n",
                    context.model(), ofModel.size(), stored.size());
        }
        List<EvaluatedPoint> chosen = choose(ofModel);
        EvaluatedPoint baseline = ReportInput.baselineOf(ofModel);
        Map<String, String> environment = newest.environment();
        List<String> names = classNames.get(context.modelHash()); // as the workspace remembers them, else the example's
        long bytes = new ReportExport(ReportRenderer::bytes).write(ReportExport.input(context, chosen, baseline,
                ExampleSession.testSet(), names != null ? names : org.paretowb.models.data.FashionMnist.CLASS_NAMES,
                environment), out);
        System.err.printf(Locale.ROOT, "wrote %s (%,d bytes): %d point(s)%s%n", out, bytes, chosen.size(),
                baseline == null ? "; no baseline in the workspace, so no gains or forgetting" : ", against baseline #"
                        + baseline.id());
        return 0;
    }

    private List<EvaluatedPoint> choose(List<EvaluatedPoint> all) {
        String p = points.strip().toLowerCase(Locale.ROOT);
        if (p.equals("all")) {
            return all;
        }
        if (p.equals("frontier")) {
            return ReportScope.FRONTIER.select(all, List.of());
        }
        List<EvaluatedPoint> chosen = new ArrayList<>();
        for (String id : Arrays.stream(p.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            int wanted;
            try {
                wanted = Integer.parseInt(id);
            } catch (NumberFormatException e) {
                throw new UserError("--points must be all, frontier or point ids such as 1,4,7, not '" + points + "'");
            }
            chosen.add(all.stream().filter(x -> x.id() == wanted).findFirst().orElseThrow(() -> new UserError(
                    "no point " + wanted + " of this model in " + file + " (see 'paretowb points --workspace " + file
                            + "')")));
        }
        return chosen;
    }
}
