package org.paretowb.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.report.ReportInput;

class PointsJsonTest {

    @Test
    void theJsonParsesBackWithTheCsvsFields() throws Exception {
        ReportInput input = ReportFixtures.input();
        JsonNode root = new ObjectMapper().readTree(new PointsJson().render(input));

        assertEquals(input.title(), root.get("title").asText());
        assertEquals("2026-01-02T03:04:05Z", root.get("created").asText());
        assertEquals(1, root.get("baselineId").asInt());
        assertEquals("2 vCPU AMD EPYC <AVX2>", root.get("environment").get("CPU").asText());
        JsonNode points = root.get("points");
        assertEquals(3, points.size());
        List<String> fields = new ArrayList<>();
        points.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(PointsCsvTest.parse(new PointsCsv().render(input)).get(0), fields, "same fields as the CSV");
        Measurement pruned = input.points().get(1).measurement();
        assertEquals(pruned.accuracy(), points.get(1).get("accuracy").asDouble());
        assertEquals(pruned.macs(), points.get(1).get("macs").asLong());
        assertEquals(4, points.get(1).get("lost").asInt());
        assertTrue(points.get(0).get("lost").isNull(), "the baseline has no forgetting of its own");
        assertTrue(points.get(2).get("realKernels") == null && "simulated".equals(points.get(2).get("kernels").asText()));
    }
}
