package org.paretowb.charts.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.measure.Provenance;

/**
 * How the figures were measured, said only from what the points record about themselves: each distinct
 * setting once, with the points it applies to.
 */
final class MethodSection {
    private final ReportAnalysis analysis;

    MethodSection(ReportAnalysis analysis) {
        this.analysis = analysis;
    }

    void write(Xhtml x) {
        List<EvaluatedPoint> points = analysis.input().points();
        x.open("div", "class", "section", "id", "method").newline();
        x.element("h2", "How these figures were measured");
        if (points.isEmpty()) {
            x.element("p", "No points were measured.", "class", "empty");
            x.close("div").newline();
            return;
        }
        x.open("table", "class", "method").newline();
        item(x, "Accuracy", points, p -> {
            Provenance how = p.measurement().how();
            String set = how.evaluationSet().replaceFirst(" \\(first \\d+\\)$", ""); // the count is said already
            return String.format(Locale.ROOT, "Top-1 and top-5 over %s %,d images of %s%s.",
                    how.subset() ? "the first" : "all", p.measurement().samples(), set,
                    how.subset() ? " (a live subset)" : "");
        });
        item(x, "Engine", points, p -> String.format(Locale.ROOT, "%s; %d intra-op %s for the accuracy evaluation.",
                p.measurement().how().engine(), p.measurement().how().threads(),
                p.measurement().how().threads() == 1 ? "thread" : "threads"));
        item(x, "Latency", points, p -> {
            Provenance how = p.measurement().how();
            return String.format(Locale.ROOT, "Batch 1 on %d intra-op %s: %,d warm-up runs discarded, then %,d timed"
                            + " runs; p50 and p95 of those.", how.latencyThreads(),
                    how.latencyThreads() == 1 ? "thread" : "threads", how.latencyWarmupRuns(), how.latencyTimedRuns());
        });
        item(x, "Throughput", points, p -> String.format(Locale.ROOT, "Images per second at batch %d.",
                p.measurement().how().throughputBatch()));
        item(x, "Size", points, p -> "The bytes of the " + p.measurement().how().sizeFormat() + " actually written.");
        item(x, "Kernels", points, p -> p.measurement().how().realKernels()
                ? "Run as measured: " + p.measurement().how().kernels() + "."
                : "Simulated: " + p.measurement().how().kernels() + ". Accuracy is that of the quantized values;"
                        + " latency and throughput are those of fp32 kernels, not of integer ones.");
        if (analysis.input().baseline() != null) {
            x.open("tr").element("th", "Gains").open("td").text(String.format(Locale.ROOT,
                    "Factors are the baseline's figure over the point's; nominal and measured agree within %.0f%%."
                            + " Forgetting compares predictions image by image on the images both points saw.",
                    Gains.DEFAULT_TOLERANCE * 100)).close("td").close("tr").newline();
        }
        x.close("table").close("div").newline();
    }

    /** One row: each distinct description, with the points it describes when not all of them. */
    private static void item(Xhtml x, String what, List<EvaluatedPoint> points, Function<EvaluatedPoint, String> says) {
        Map<String, List<EvaluatedPoint>> groups = points.stream()
                .collect(Collectors.groupingBy(says, LinkedHashMap::new, Collectors.toList()));
        x.open("tr").element("th", what).open("td");
        for (Map.Entry<String, List<EvaluatedPoint>> g : groups.entrySet()) {
            x.open("div", "class", "line");
            if (groups.size() > 1) {
                x.element("span", Figures.ids(g.getValue(), points.size()) + ": ", "class", "which");
            }
            x.text(g.getKey()).close("div");
        }
        x.close("td").close("tr").newline();
    }
}
