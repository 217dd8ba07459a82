package org.paretowb.charts.report;

import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.FigureText;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.Technique;
import org.paretowb.models.report.ReportInput;

/** The history: one row per point in measurement order, the baseline and the frontier marked; then each recipe. */
final class PointsSection {
    private final ReportAnalysis analysis;

    PointsSection(ReportAnalysis analysis) {
        this.analysis = analysis;
    }

    void write(Xhtml x) {
        ReportInput input = analysis.input();
        x.open("div", "class", "section", "id", "points").newline();
        x.element("h2", "Points");
        x.element("p", "In the order they were measured. Latency is batch 1, in milliseconds, with the 95% interval of"
                + " the p50 under it; a top-1 measured on a subset has its 95% (Wilson) interval under it, one on the"
                + " whole set is exact for that set; size is the bytes of the"
                + " weight file written; MACs are multiply-accumulates per image. Frontier: on the Pareto frontier of"
                + " accuracy against latency (L) or against size (S).", "class", "lead");
        x.open("table", "class", "data points").open("thead").open("tr");
        for (String h : new String[] {"#", "Point and technique", "Top-1", "Top-5", "p50 ms", "p95 ms", "Size",
            "MACs", "Non-zeros", "Images", "Engine", "Kernels", "Frontier"}) {
            x.element("th", h);
        }
        x.close("tr").close("thead").open("tbody").newline();
        for (EvaluatedPoint p : input.points()) {
            row(x, p);
        }
        x.close("tbody").close("table").newline();
        if (input.points().isEmpty()) {
            x.element("p", "No points were measured.", "class", "empty");
        }
        recipes(x);
        x.close("div").newline();
    }

    private void row(Xhtml x, EvaluatedPoint p) {
        Measurement m = p.measurement();
        Provenance how = m.how();
        boolean baseline = analysis.isBaseline(p);
        x.open("tr", "class", baseline ? "baseline" : null, "id", "point-" + p.id());
        x.element("td", "#" + p.id(), "class", "id");
        x.open("td", "class", "what");
        if (!p.name().isEmpty()) {
            x.element("div", p.name(), "class", "name");
        }
        x.element("div", p.ensemble() ? p.measurement().how().describeEnsemble() + "; size: "
                + p.measurement().how().sizeFormat() : p.recipe().summary(), "class", "recipe");
        Technique technique = Technique.of(p.recipe());
        x.element("span", technique.title(), "class", "tag tech-" + technique.name().toLowerCase(java.util.Locale.ROOT));
        if (baseline) {
            x.element("span", "baseline", "class", "tag tag-baseline");
        } else if (otherSession(p)) {
            x.element("span", "another session", "class", "tag tag-session", "title",
                    "Measured in another session than the baseline (" + (how.session().isEmpty() ? "not recorded"
                            : how.session()) + ", " + (how.machine().isEmpty() ? "machine not recorded" : how.machine())
                            + "): its latency is not compared with the baseline's");
        }
        if (how.busy()) {
            x.element("span", "busy CPU", "class", "tag tag-busy", "title", FigureText.load(how));
        }
        x.close("td");
        x.open("td", "class", "num strong").text(Figures.percent(m.accuracy()));
        if (how.subset()) {
            Interval a = m.accuracyInterval();
            x.empty("br").element("span", "\u00b1" + String.format(java.util.Locale.ROOT, "%.2f", a.plusMinus(m.accuracy())
                    * 100) + " pp", "class", "ci", "title", FigureText.accuracyLine(m));
        }
        x.close("td");
        x.element("td", Figures.percent(m.top5()), "class", "num");
        x.open("td", "class", "num").text(Figures.ms(m.latencyP50Ms()));
        if (m.latencyP50Interval() != null) {
            x.empty("br").element("span", "\u00b1" + Figures.ms(m.latencyP50Interval().plusMinus(m.latencyP50Ms()))
                    + (how.latencyCapped() ? " (capped)" : ""), "class", "ci", "title", FigureText.latencyLine(m));
        }
        x.close("td");
        x.element("td", Figures.ms(m.latencyP95Ms()), "class", "num");
        x.element("td", Figures.count(m.sizeBytes()), "class", "num");
        x.element("td", Figures.count(m.macs()), "class", "num");
        x.element("td", Figures.count(m.nonZeros()), "class", "num");
        x.open("td", "class", how.subset() ? "num subset" : "num").text(Figures.count(m.samples())).empty("br")
                .text(how.subset() ? "subset" : "full set").close("td");
        x.element("td", Figures.engineName(how.engine()), "class", "small");
        x.element("td", how.realKernels() ? "real" : "simulated", "class", how.realKernels() ? "" : "simulated");
        x.open("td", "class", "frontier");
        if (analysis.onLatencyFront(p)) {
            x.element("span", "L", "class", "tag tag-front", "title", "on the accuracy-latency frontier");
        }
        if (analysis.onSizeFront(p)) {
            x.element("span", "S", "class", "tag tag-front", "title", "on the accuracy-size frontier");
        }
        x.close("td");
        x.close("tr").newline();
    }

    /** Whether the point and the baseline were measured in different sessions (or one of them in none recorded). */
    private boolean otherSession(EvaluatedPoint p) {
        EvaluatedPoint b = analysis.input().baseline();
        if (b == null) {
            return false;
        }
        Provenance mine = p.measurement().how();
        Provenance theirs = b.measurement().how();
        boolean unrecorded = mine.session().isEmpty() && theirs.session().isEmpty();
        return !unrecorded && !mine.sameSession(theirs);
    }

    private void recipes(Xhtml x) {
        x.element("h3", "Recipes and the networks they made");
        x.open("table", "class", "data recipes").open("thead").open("tr");
        x.element("th", "#").element("th", "Recipe").element("th", "Network measured").element("th", "Kernels");
        x.close("tr").close("thead").open("tbody").newline();
        for (EvaluatedPoint p : analysis.input().points()) {
            x.open("tr");
            x.element("td", "#" + p.id(), "class", "id");
            x.open("td");
            if (!p.name().isEmpty()) {
                x.element("div", p.name(), "class", "name");
            }
            x.text(p.recipe().summary()).close("td");
            x.element("td", p.measurement().network(), "class", "mono");
            x.element("td", p.measurement().how().kernels(), "class", "small");
            x.close("tr").newline();
        }
        x.close("tbody").close("table").newline();
    }
}
