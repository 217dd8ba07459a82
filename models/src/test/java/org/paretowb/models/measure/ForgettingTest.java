package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.LabeledImages;

class ForgettingTest {
    private static final Provenance HOW = Provenance.builder().engine("test", 1, 1).images("hand-made", false)
            .latencyRuns(0, 1).throughputBatch(64).kernels("fp32", true).sizeFormat("none").build();

    private static Measurement predicting(byte... predictions) {
        return Measurement.builder().accuracy(0.5, 1, new double[3]).latency(1, 1).sizeBytes(1).counts(1, 1, 1)
                .throughput(1).predictions(predictions).network("net").how(HOW).build();
    }

    @Test
    void flipsAndClassDeltasAreCountedOnTheImagesBothSaw() {
        LabeledImages data = new LabeledImages("six", new byte[6], new byte[] {0, 0, 1, 1, 2, 2}, 1, 1);
        Measurement baseline = predicting((byte) 0, (byte) 0, (byte) 1, (byte) 0, (byte) 2, (byte) 2);
        Measurement point = predicting((byte) 0, (byte) 1, (byte) 1, (byte) 1, (byte) 2);

        Forgetting f = Forgetting.between(baseline, point, data);

        assertEquals(5, f.images(), "the point saw five images only");
        assertEquals(List.of(1), f.lost(), "image 1: right before, wrong after");
        assertEquals(List.of(3), f.gained(), "image 3: wrong before, right after");
        assertEquals(-0.5, f.classDelta()[0], 1e-12);
        assertEquals(0.5, f.classDelta()[1], 1e-12);
        assertEquals(0.0, f.classDelta()[2], 1e-12);
    }
}
