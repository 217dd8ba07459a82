package org.paretowb.charts.report;

import java.util.Map;

/** What the figures were measured on, as the caller recorded it. */
final class EnvironmentSection {
    private final ReportAnalysis analysis;

    EnvironmentSection(ReportAnalysis analysis) {
        this.analysis = analysis;
    }

    void write(Xhtml x) {
        Map<String, String> environment = analysis.input().environment();
        x.open("div", "class", "section", "id", "environment").newline();
        x.element("h2", "Environment");
        if (environment.isEmpty()) {
            x.element("p", "No environment was recorded.", "class", "empty");
        } else {
            x.open("table", "class", "data environment").open("tbody");
            environment.forEach((key, value) -> x.open("tr").element("th", key).element("td", value).close("tr"));
            x.close("tbody").close("table");
        }
        x.close("div").newline();
    }
}
