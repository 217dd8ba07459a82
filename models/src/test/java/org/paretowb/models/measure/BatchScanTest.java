package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchScanTest {
    private static BatchScan.Cell cell(int threads, int batch, double imagesPerSecond) {
        return new BatchScan.Cell(threads, batch, batch / imagesPerSecond * 1000, imagesPerSecond);
    }

    @Test
    void theKneeIsTheSmallestBatchReachingNinetyPercentOfTheBest() {
        List<BatchScan.Cell> cells = List.of(cell(1, 1, 1000), cell(1, 2, 3000), cell(1, 4, 8000), cell(1, 8, 8900),
                cell(1, 16, 9800), cell(1, 32, 10000), cell(1, 64, 9500));
        // 90% of 10,000 is 9,000: batch 8 (8,900) misses it, batch 16 reaches it
        assertEquals(16, BatchScan.knee(cells).orElseThrow().batch());
    }

    @Test
    void exactlyNinetyPercentCountsAndTheBestItselfCanBeTheKnee() {
        assertEquals(2, BatchScan.knee(List.of(cell(1, 1, 100), cell(1, 2, 900), cell(1, 4, 1000))).orElseThrow().batch());
        assertEquals(4, BatchScan.knee(List.of(cell(1, 1, 100), cell(1, 2, 200), cell(1, 4, 1000))).orElseThrow().batch());
    }

    @Test
    void acrossThreadCountsTheKneeNamesTheFasterThreadsAtItsBatch() {
        BatchScan scan = new BatchScan("test", 256, List.of(cell(1, 1, 500), cell(1, 8, 950), cell(1, 64, 1000),
                cell(2, 1, 600), cell(2, 8, 980), cell(2, 64, 1900)));
        // best 1,900: 90% is 1,710; only batch 64 at 2 threads reaches it
        assertEquals(new BatchScan.Cell(2, 64, 64 / 1900.0 * 1000, 1900), scan.knee().orElseThrow());
        assertEquals(8, scan.knee(1).orElseThrow().batch());
        assertEquals(List.of(1, 2), scan.threadCounts());
        assertTrue(new BatchScan("test", 0, List.of()).knee().isEmpty());
    }

    @Test
    void powersOfTwoRunUpToTheLargestBatch() {
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256), BatchScan.powersOfTwo(256));
        assertEquals(List.of(1, 2, 4), BatchScan.powersOfTwo(7));
        assertThrows(IllegalArgumentException.class, () -> BatchScan.powersOfTwo(0));
    }
}
