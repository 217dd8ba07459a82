package org.paretowb.charts.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paretowb.models.report.ReportInput;

/**
 * The points as JSON: the report's title, model, data, creation time, class names and environment, and
 * {@code points}, one object per point with the same fields as {@link PointsCsv}, in measurement order.
 * Numbers are raw (fractions, bytes, milliseconds); a missing figure is null.
 */
public final class PointsJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(ReportInput input) {
        PointColumns columns = new PointColumns(new ReportAnalysis(input));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", input.title());
        document.put("model", input.modelTitle());
        document.put("data", input.dataTitle());
        document.put("created", input.created().toString());
        document.put("baselineId", input.baseline() == null ? null : input.baseline().id());
        document.put("classNames", input.classNames());
        document.put("environment", input.environment());
        document.put("points", columns.rows());
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings, numbers and maps always serialize", e);
        }
    }

    public byte[] bytes(ReportInput input) {
        return render(input).getBytes(StandardCharsets.UTF_8);
    }
}
