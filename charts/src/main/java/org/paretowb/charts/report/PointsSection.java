package org.paretowb.charts.report;

import org.paretowb.models.measure.EvaluatedPoint;
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
        x.element("p", "In the order they were measured. Latency is batch 1, in milliseconds; size is the bytes of the"
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
        x.element("div", p.recipe().summary(), "class", "recipe");
        Technique technique = Technique.of(p.recipe());
        x.element("span", technique.title(), "class", "tag tech-" + technique.name().toLowerCase(java.util.Locale.ROOT));
        if (baseline) {
            x.element("span", "baseline", "class", "tag tag-baseline");
        }
        x.close("td");
        x.element("td", Figures.percent(m.accuracy()), "class", "num strong");
        x.element("td", Figures.percent(m.top5()), "class", "num");
        x.element("td", Figures.ms(m.latencyP50Ms()), "class", "num");
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
