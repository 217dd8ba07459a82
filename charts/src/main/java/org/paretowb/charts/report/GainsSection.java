package org.paretowb.charts.report;

import java.util.Locale;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.report.ReportInput;

/** Nominal against measured gains for each point, and why they differ where they do. */
final class GainsSection {
    private final ReportAnalysis analysis;

    GainsSection(ReportAnalysis analysis) {
        this.analysis = analysis;
    }

    void write(Xhtml x) {
        ReportInput input = analysis.input();
        x.open("div", "class", "section", "id", "gains").newline();
        x.element("h2", "Nominal versus measured");
        if (input.baseline() == null || input.compressed().isEmpty()) {
            x.element("p", input.baseline() == null ? "No baseline was measured, so there is nothing to compare with."
                    : "Only the baseline was measured.", "class", "empty");
            x.close("div").newline();
            return;
        }
        x.element("p", String.format(Locale.ROOT, "Each factor is the baseline's figure over the point's: 2.00x is half"
                + " the non-zeros, half the bytes or twice as fast. Nominal compute is the MACs factor times the"
                + " density factor (a skipped zero counted as a skipped multiply). Storage compares non-zeros with"
                + " size, compute compares nominal compute with batch-1 latency; within %.0f%% they agree. A latency"
                + " factor is claimed only where the 95%% intervals of the two p50s separate (the baseline timed in the"
                + " same rounds as the point where it was); otherwise it reads \"no measurable difference\".",
                Gains.DEFAULT_TOLERANCE * 100), "class", "lead");
        x.open("table", "class", "data gains").open("thead");
        x.open("tr").element("th", "").element("th", "").open("th", "colspan", "3", "class", "group").text("Nominal")
                .close("th").open("th", "colspan", "2", "class", "group").text("Measured").close("th")
                .element("th", "").close("tr");
        x.open("tr");
        for (String h : new String[] {"#", "Point", "Non-zeros", "MACs", "Compute", "Size", "Latency p50",
            "Why they differ"}) {
            x.element("th", h);
        }
        x.close("tr").close("thead").open("tbody").newline();
        for (EvaluatedPoint p : input.compressed()) {
            Gains g = analysis.gains(p).orElseThrow();
            x.open("tr");
            x.element("td", "#" + p.id(), "class", "id");
            x.element("td", p.title());
            x.element("td", Gains.factor(g.nonZerosGain()), "class", "num");
            x.element("td", Gains.factor(g.macsGain()), "class", "num");
            x.element("td", Gains.factor(g.nominalComputeGain()), "class", "num");
            x.element("td", Gains.factor(g.sizeGain()), "class", "num measured");
            x.element("td", g.latency().text(), "class", g.latency().measurable() ? "num measured" : "num measured nodiff",
                    "title", g.latency().explain());
            if (g.differs()) {
                x.element("td", g.cause(), "class", "cause");
            } else {
                x.element("td", "agree", "class", "agree");
            }
            x.close("tr").newline();
        }
        x.close("tbody").close("table").close("div").newline();
    }
}
