package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A p50 read beside one from another process carries the machine's between-process spread: on the test machine one
 * process timed the CNN at 0.0587 ms (interval ±2%) and the next at 0.0823 ms; the rounds' intervals alone separate.
 */
class ProcessSpreadTest {

    private static Measurement timed(double p50, Interval interval, Double spread) {
        return Measurement.builder().accuracy(0.92, 0.99, new double[10]).latency(p50, p50 * 1.3, interval)
                .sizeBytes(829_203).counts(207_114, 207_114, 1_236_864).throughput(9000).predictions(new byte[4])
                .network("cnn").how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("test", false)
                        .processSpread(spread).build()).build();
    }

    @Test
    void twoProcessesIntervalsSeparateInTheirRoundsAndOverlapWithTheSpread() {
        Measurement fast = timed(0.0587, new Interval(0.0578, 0.0602), 0.20);
        Measurement slow = timed(0.0823, new Interval(0.0804, 0.0861), 0.20);

        assertTrue(fast.latencyP50Interval().separatesFrom(slow.latencyP50Interval()));
        assertFalse(fast.latencyP50IntervalAcrossProcesses().separatesFrom(slow.latencyP50IntervalAcrossProcesses()));
    }

    @Test
    void theWideningAddsTheTwoHalfWidthsInQuadrature() {
        Interval widened = new Interval(0.097, 0.104).widenedBy(0.1, 0.04);

        assertEquals(0.1 - Math.hypot(0.003, 0.004), widened.low(), 1e-12);
        assertEquals(0.1 + Math.hypot(0.004, 0.004), widened.high(), 1e-12);
        assertEquals(new Interval(0.097, 0.104), new Interval(0.097, 0.104).widenedBy(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.097, 0.104).widenedBy(0.1, -0.1));
    }

    @Test
    void withoutAMeasuredSpreadThereIsNoIntervalAcrossProcessesAndTheTextSaysSo() {
        Measurement unmeasured = timed(0.0587, new Interval(0.0578, 0.0602), null);

        assertNull(unmeasured.latencyP50IntervalAcrossProcesses());
        assertTrue(FigureText.latencyLine(unmeasured).contains("the spread between processes was not measured"),
                FigureText.latencyLine(unmeasured));
        assertTrue(FigureText.latencyLine(timed(0.0587, new Interval(0.0578, 0.0602), 0.2))
                .contains("across processes 0.047\u20130.071 ms, with the \u00b120%"));
    }
}
