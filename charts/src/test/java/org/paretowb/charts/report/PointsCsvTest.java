package org.paretowb.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.report.ReportInput;

class PointsCsvTest {

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }

    @Test
    void oneLinePerPointUnderAHeaderAndTheNumbersReadBackExactly() {
        ReportInput input = ReportFixtures.input();
        List<List<String>> records = parse(new PointsCsv().render(input));

        assertEquals(1 + input.points().size(), records.size());
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            assertEquals(header.size(), records.get(r).size(), "row " + r + " has every column");
            EvaluatedPoint p = input.points().get(r - 1);
            Measurement m = p.measurement();
            List<String> row = records.get(r);
            assertEquals(p.id(), Integer.parseInt(row.get(header.indexOf("id"))));
            assertEquals(p.name(), row.get(header.indexOf("name")));
            assertEquals(m.accuracy(), Double.parseDouble(row.get(header.indexOf("accuracy"))));
            assertEquals(m.latencyP95Ms(), Double.parseDouble(row.get(header.indexOf("latencyP95Ms"))));
            assertEquals(m.sizeBytes(), Long.parseLong(row.get(header.indexOf("sizeBytes"))));
            assertEquals(m.perClass()[2], Double.parseDouble(row.get(header.indexOf("perClass:Pull<over> & \"co\""))));
        }
        assertEquals("simulated", records.get(3).get(header.indexOf("kernels")));
        assertEquals("", records.get(1).get(header.indexOf("lost")), "the baseline forgot nothing of itself: empty");
        assertEquals("4", records.get(2).get(header.indexOf("lost")));
        assertTrue(records.get(2).get(header.indexOf("gainCause")).startsWith("unstructured sparsity"));
    }
}
