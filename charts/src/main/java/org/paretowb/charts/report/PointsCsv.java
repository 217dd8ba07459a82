package org.paretowb.charts.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.paretowb.models.report.ReportInput;

/**
 * The points as CSV (RFC 4180, UTF-8, comma-separated, a header line): one line per point, the same fields
 * as {@link PointsJson}. Numbers are raw and exact (fractions, bytes, milliseconds), so they read back
 * equal; a missing figure is an empty field.
 */
public final class PointsCsv {

    public String render(ReportInput input) {
        PointColumns columns = new PointColumns(new ReportAnalysis(input));
        StringBuilder out = new StringBuilder();
        line(out, columns.keys());
        for (Map<String, Object> row : columns.rows()) {
            line(out, row.values().stream().map(PointsCsv::text).toList());
        }
        return out.toString();
    }

    public byte[] bytes(ReportInput input) {
        return render(input).getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(fields.stream().map(PointsCsv::quoted).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString(); // Double.toString and Long.toString read back exactly
    }

    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
