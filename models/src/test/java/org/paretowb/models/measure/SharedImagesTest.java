package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedImagesTest {
    private static Measurement on(String set, int samples) {
        Provenance how = Provenance.builder().engine("test", 1, 1).images(set, false).latencyRuns(0, 1)
                .throughputBatch(64).kernels("fp32", true).sizeFormat("none").build();
        return Measurement.builder().accuracy(0.5, 1, new double[10]).latency(1, 1).sizeBytes(1).counts(1, 1, 1)
                .throughput(1).predictions(new byte[samples]).network("net").how(how).build();
    }

    @Test
    void pointsOnTheSameImagesAreComparedOnAllOfThem() {
        SharedImages s = SharedImages.of(on("t10k", 100), on("t10k", 100), 100);

        assertTrue(s.same());
        assertEquals(100, s.compared());
        assertEquals("Both measured on the same 100 images.", s.note());
    }

    @Test
    void aSubsetPointSharesItsFirstImagesWithAFullSetPoint() {
        SharedImages s = SharedImages.of(on("t10k", 10_000), on("t10k (first 1000)", 1000), 10_000);

        assertFalse(s.same());
        assertEquals(1000, s.compared());
        assertTrue(s.note().startsWith("Not measured on the same images: the baseline on 10,000, this point on 1,000."),
                s.note());
    }

    @Test
    void pointsFromDifferentDataShareNothing() {
        SharedImages s = SharedImages.of(on("t10k", 100), on("other", 100), 100);

        assertFalse(s.comparable());
        assertTrue(s.note().contains("No image-by-image comparison"), s.note());
    }
}
