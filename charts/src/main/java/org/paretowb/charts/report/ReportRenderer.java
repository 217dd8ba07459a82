package org.paretowb.charts.report;

import org.paretowb.models.report.ReportFormat;
import org.paretowb.models.report.ReportInput;

/** Draws a report in one of its formats: HTML (charts as SVG), PDF (the same content), CSV or JSON. */
public final class ReportRenderer {
    private ReportRenderer() {
    }

    public static byte[] bytes(ReportInput input, ReportFormat format) {
        return switch (format) {
            case HTML -> new HtmlReport().bytes(input);
            case PDF -> new PdfReport().bytes(input);
            case CSV -> new PointsCsv().bytes(input);
            case JSON -> new PointsJson().bytes(input);
        };
    }
}
