package org.paretowb.charts.report;

import org.paretowb.charts.CostAxis;

/** Accuracy against batch-1 latency and against size, drawn by the window's own chart code. */
final class ChartsSection {
    private final ReportAnalysis analysis;
    private final HtmlReport.Medium medium;

    ChartsSection(ReportAnalysis analysis, HtmlReport.Medium medium) {
        this.analysis = analysis;
        this.medium = medium;
    }

    void write(Xhtml x) {
        x.open("div", "class", "section", "id", "charts").newline();
        x.element("h2", "Accuracy against cost");
        x.element("p", "Each marker is a measured point, labelled with its number in the tables below (points with the"
                + " same figures share one marker and all their numbers); its shape and colour say the technique,"
                + " filled for the whole evaluation set, hollow for a live subset. The black star is the baseline and"
                + " the red step line the Pareto frontier (no other point is both at least as accurate and cheaper)."
                + " Up and to the left is better; an axis is logarithmic where its points span ten times or more.",
                "class", "lead");
        figure(x, CostAxis.LATENCY, "chart-latency", org.paretowb.models.measure.LatencyAnchors.of(
                analysis.input().points()).anyAnchored(analysis.input().points())
                ? "Top-1 accuracy against batch-1 latency (p50, milliseconds), relative to the baseline: a point timed"
                        + " in the same rounds as the baseline is drawn at its session's baseline point's p50 times the"
                        + " ratio of the two, so that a process's drift does not show as an effect; the tables give"
                        + " the raw p50s"
                : "Top-1 accuracy against batch-1 latency (p50, milliseconds)");
        figure(x, CostAxis.SIZE, "chart-size", "Top-1 accuracy against the bytes of the weight file written (log scale)");
        x.close("div").newline();
    }

    private void figure(Xhtml x, CostAxis axis, String id, String caption) {
        int width = medium == HtmlReport.Medium.PRINT ? 680 : 960;
        int height = medium == HtmlReport.Medium.PRINT ? 340 : 420;
        x.open("div", "class", "figure");
        x.markup(SvgCharts.pareto(axis, analysis.input().points(), id, width, height));
        x.element("div", caption, "class", "caption");
        x.close("div").newline();
    }
}
