package org.paretowb.services.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSpreadsTest {
    @TempDir
    Path folder;

    @Test
    void aRecordedSpreadIsFoundForItsMachineModelAndEngineOnly() throws Exception {
        ProcessSpreads spreads = new ProcessSpreads(folder.resolve("sub").resolve("latency-spreads.json"));
        spreads.record(new ProcessSpreads.Entry("vm", "cnn", "ORT", 0.2, List.of(0.06, 0.085), "2026-12-07T04:00Z"));
        spreads.record(new ProcessSpreads.Entry("vm", "mlp", "ORT", 0.1, List.of(0.02, 0.021), "2026-12-07T04:01Z"));
        spreads.record(new ProcessSpreads.Entry("vm", "cnn", "ORT", 0.3, List.of(0.06, 0.09), "2026-12-07T04:02Z"));

        assertEquals(0.3, spreads.spread("vm", "cnn", "ORT"));
        assertEquals(0.1, spreads.spread("vm", "mlp", "ORT"));
        assertNull(spreads.spread("other machine", "cnn", "ORT"));
        assertNull(spreads.spread("vm", "cnn", "PyTorch"));
        assertEquals(2, spreads.entries().size());
        try (var files = Files.list(folder.resolve("sub"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anUnreadableOrFutureFileMeansNoSpreadNotAFailure() throws Exception {
        Path file = folder.resolve("latency-spreads.json");
        Files.writeString(file, "{ not json");
        assertNull(new ProcessSpreads(file).spread("vm", "cnn", "ORT"));
        Files.writeString(file, "{\"version\": 99, \"entries\": [{\"machine\": \"vm\", \"network\": \"cnn\","
                + " \"engine\": \"ORT\", \"spread\": 0.2}]}");
        assertNull(new ProcessSpreads(file).spread("vm", "cnn", "ORT"));
    }

    @Test
    void theSpreadIsThePredictionIntervalOfOneMoreProcessOrHalfTheRangeOverTheMedian() {
        // a bimodal machine: half the processes at 0.06 ms, half at 0.085 ms
        double bimodal = ProcessSpreads.spreadOf(List.of(0.06, 0.085, 0.06, 0.085, 0.06, 0.085));
        double sd = Math.sqrt(6 * 0.0125 * 0.0125 / 5);
        assertEquals(ProcessSpreads.t975(5) * sd * Math.sqrt(1 + 1 / 6.0) / 0.0725, bimodal, 1e-12);
        // one outlier among equal figures: the range wins over the standard deviation
        double outlier = ProcessSpreads.spreadOf(List.of(0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.09));
        assertTrue(outlier >= 0.015 / 0.06 - 1e-12, "half the range over the median: " + outlier);
        assertThrows(IllegalArgumentException.class, () -> ProcessSpreads.spreadOf(List.of(0.06)));
    }

    @Test
    void theTQuantileMatchesTheTables() {
        assertEquals(12.706, ProcessSpreads.t975(1), 1e-3);
        assertEquals(2.571, ProcessSpreads.t975(5), 0.01);
        assertEquals(2.262, ProcessSpreads.t975(9), 0.005);
        assertEquals(2.093, ProcessSpreads.t975(19), 0.003);
        assertEquals(1.984, ProcessSpreads.t975(100), 0.002);
    }
}
