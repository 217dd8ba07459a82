package org.paretowb.charts.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.report.ReportInput;

/** The title block and the figures a reader wants first: the baseline, and the best points near its accuracy. */
final class CoverSection {
    /** "Near the baseline": at most this accuracy lost, as a fraction (one percentage point). */
    static final double NEAR = 0.01;

    private final ReportAnalysis analysis;
    private final ReportInput input;

    CoverSection(ReportAnalysis analysis) {
        this.analysis = analysis;
        this.input = analysis.input();
    }

    void write(Xhtml x) {
        x.open("div", "class", "cover").newline();
        x.element("div", "Pareto Workbench \u00b7 compression report", "class", "kicker");
        x.element("h1", input.title());
        x.open("table", "class", "meta").open("tr");
        meta(x, "Model", input.modelTitle());
        meta(x, "Data", input.dataTitle() + subsetNote());
        meta(x, "Created", HtmlReport.WHEN.format(input.created()));
        x.close("tr").close("table").close("div").newline();
        x.open("div", "class", "section", "id", "summary");
        x.element("h2", "At a glance");
        x.open("table", "class", "cards").open("tr");
        baselineCard(x);
        pointsCard(x);
        bestCard(x, "Smallest", "size", m -> m.sizeBytes(), CoverSection::sizeClaim,
                p -> Figures.bytes(p.measurement().sizeBytes()));
        bestCard(x, "Fastest", "batch-1 p50", Measurement::latencyP50Ms, CoverSection::latencyClaim,
                p -> Figures.msWithInterval(p.measurement()));
        x.close("tr").close("table").close("div").newline();
    }

    /** The data title names the whole set: say when some points were measured on part of it only. */
    private String subsetNote() {
        List<EvaluatedPoint> subset = input.points().stream().filter(EvaluatedPoint::subset).toList();
        if (subset.isEmpty()) {
            return "";
        }
        int fewest = subset.stream().mapToInt(p -> p.measurement().samples()).min().orElse(0);
        int most = subset.stream().mapToInt(p -> p.measurement().samples()).max().orElse(0);
        return " \u00b7 " + Figures.count(subset.size()) + " of " + Figures.count(input.points().size())
                + " points measured on a subset of it (the first " + (fewest == most ? Figures.count(most)
                : Figures.count(fewest) + " to " + Figures.count(most)) + " images): their top-1 carries a 95% interval";
    }

    private static void meta(Xhtml x, String what, String value) {
        x.element("th", what).element("td", value.isEmpty() ? "not given" : value);
    }

    private void baselineCard(Xhtml x) {
        x.open("td", "class", "card");
        x.element("div", "Baseline", "class", "label");
        EvaluatedPoint b = input.baseline();
        if (b == null) {
            x.element("div", "none measured", "class", "value").element("div", "gains and forgetting are left out",
                    "class", "detail");
        } else {
            Measurement m = b.measurement();
            x.element("div", Figures.percent(m.accuracy()), "class", "value");
            x.element("div", "top-1" + Figures.accuracyInterval(m) + " \u00b7 " + Figures.msWithInterval(m) + " p50 \u00b7 "
                    + Figures.bytes(m.sizeBytes()), "class", "detail");
        }
        x.close("td");
    }

    private void pointsCard(Xhtml x) {
        List<EvaluatedPoint> points = input.points();
        long subset = points.stream().filter(EvaluatedPoint::subset).count();
        x.open("td", "class", "card");
        x.element("div", "Points measured", "class", "label");
        x.element("div", Figures.count(points.size()), "class", "value");
        x.element("div", Figures.count(points.size() - subset) + " on the full set, " + Figures.count(subset)
                + " on a subset", "class", "detail");
        x.close("td");
    }

    /**
     * The point with the lowest cost among those within {@link #NEAR} of the baseline's accuracy, decided on full-set
     * figures where there are any (see {@link NearBaseline}); the claim is made by {@code claim} from the gains.
     */
    private void bestCard(Xhtml x, String adjective, String what, ToDoubleFunction<Measurement> cost,
                          Function<Gains, String> claim, Function<EvaluatedPoint, String> figure) {
        x.open("td", "class", "card");
        x.element("div", adjective + " within 1 point of the baseline", "class", "label");
        NearBaseline near = NearBaseline.of(input, NEAR);
        Optional<EvaluatedPoint> best = near.candidates().stream()
                .min(Comparator.comparingDouble(p -> cost.applyAsDouble(p.measurement())));
        if (best.isEmpty()) {
            x.element("div", "none", "class", "value").element("div", input.baseline() == null
                    ? "no baseline to compare with" : "no compressed point kept its accuracy that well ("
                    + near.basis() + ")", "class", "detail");
        } else {
            EvaluatedPoint p = best.get();
            Gains g = analysis.gains(p).orElseThrow();
            x.element("div", claim.apply(g), "class", "value");
            x.element("div", "#" + p.id() + " " + p.title() + ": " + figure.apply(p) + " " + what + ", "
                    + Figures.percent(p.measurement().accuracy()) + " top-1 ("
                    + Figures.points(p.measurement().accuracy() - input.baseline().measurement().accuracy()) + ")",
                    "class", "detail");
            x.element("div", "Within 1 point " + near.basis(), "class", near.onSubset() ? "detail subset" : "detail");
        }
        x.close("td");
    }

    /** "2.41x smaller", or that none is smaller: sizes are the bytes written, exact. */
    static String sizeClaim(Gains g) {
        return g.sizeGain() > 1 ? Gains.factor(g.sizeGain()) + " smaller" : "none smaller than the baseline";
    }

    /** A speed-up only where the p50s' intervals separate; "no measurable difference" where they overlap. */
    static String latencyClaim(Gains g) {
        return switch (g.latency().kind()) {
            case FASTER -> g.latency().text();
            case SLOWER -> "none faster than the baseline";
            default -> g.latency().text();
        };
    }
}
