package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Accuracy;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/** Rounds alternate between the point and the baseline; inputs converted once evaluate as converted per batch. */
class LatencyProbeTest {
    private static final LabeledImages DATA = images();

    private static LabeledImages images() {
        byte[] pixels = new byte[40 * 4];
        byte[] labels = new byte[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = (byte) (i % 2);
            pixels[i * 4 + (i % 2)] = (byte) (100 + i);
        }
        return new LabeledImages("hand-made", pixels, labels, 2, 2);
    }

    /** Logits = the first two pixels of each image; records which network ran, in order. */
    private static final class Fake implements InferenceNetwork {
        private final String name;
        private final List<String> runs;
        int copiedCalls;

        Fake(String name, List<String> runs) {
            this.name = name;
            this.runs = runs;
        }

        @Override
        public float[] logits(float[] pixels, int count) {
            copiedCalls++;
            float[] out = new float[count * 2];
            for (int i = 0; i < count; i++) {
                out[2 * i] = pixels[i * 4];
                out[2 * i + 1] = pixels[i * 4 + 1];
            }
            return out;
        }

        @Override
        public PreparedBatch prepare(float[] pixels, int count) {
            return new PreparedBatch() {
                @Override
                public void run() {
                    runs.add(name);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String engine() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void thePointAndTheBaselineAreTimedInAlternatingRoundsUntilBothIntervalsAreKnown() {
        List<String> runs = new ArrayList<>();
        LatencyProbe probe = new LatencyProbe(2, 30, 1, 10_000);

        LatencyProbe.Timed t = probe.time(new Fake("point", runs), new Fake("base", runs), DATA, CancelToken.NEVER);

        assertTrue(t.rounds() >= LatencyProbe.MIN_ROUNDS, "at least " + LatencyProbe.MIN_ROUNDS + " rounds");
        assertEquals(List.of("point", "base", "point", "base"), runs.subList(0, 4), "warm-up alternates too");
        // after 2 warm-up runs each: round 0 point then base, round 1 base then point, 3 runs a round
        assertEquals(List.of("point", "point", "point", "base", "base", "base", "base", "base", "base", "point",
                "point", "point"), runs.subList(4, 16));
        assertEquals(t.rounds() * 3, t.point().runs());
        assertEquals(t.point().runs(), t.reference().runs());
        assertTrue(t.point().p50Interval().contains(t.point().p50Ms()));
        assertTrue(t.reference().p50Interval().contains(t.reference().p50Ms()));
        assertFalse(t.capped() && t.rounds() < LatencyProbe.MIN_ROUNDS);
    }

    @Test
    void inputsConvertedOnceGiveTheSameAccuracyAsInputsConvertedPerBatch() {
        Evaluator evaluator = new Evaluator(7);
        Fake network = new Fake("point", new ArrayList<>());
        ScaledInputs scaled = ScaledInputs.of(DATA);

        Accuracy perBatch = evaluator.evaluate(network, DATA, CancelToken.NEVER);
        Accuracy once = evaluator.evaluate(network, DATA.first(30), scaled, CancelToken.NEVER);
        Accuracy onceAll = evaluator.evaluate(network, DATA, scaled, CancelToken.NEVER);

        assertEquals(perBatch.top1(), onceAll.top1());
        assertArrayEquals(perBatch.perClass(), onceAll.perClass());
        assertEquals(evaluator.evaluate(network, DATA.first(30), CancelToken.NEVER).top1(), once.top1(),
                "a live subset reads the first of the kept inputs");
        FloatBuffer slice = scaled.slice(3, 2);
        assertEquals(8, slice.remaining());
        assertEquals(DATA.scaledPixels(3, 2)[0], slice.get(0));
    }

    @Test
    void inBlocksEachBlockTimesFreshSessionsAndTheIntervalComesFromTheBlocksMedians() {
        List<String> runs = new ArrayList<>();
        int[] loaded = {0, 0};
        LatencyProbe probe = new LatencyProbe(2, 30, 1, 10_000).inBlocks();

        LatencyProbe.Timed t = probe.time(() -> {
            loaded[0]++;
            return new Fake("point", runs);
        }, () -> {
            loaded[1]++;
            return new Fake("base", runs);
        }, DATA, CancelToken.NEVER);

        int blocks = t.rounds() / BlockTiming.ROUNDS_PER_BLOCK;
        assertTrue(blocks >= BlockTiming.MIN_BLOCKS, "at least " + BlockTiming.MIN_BLOCKS + " blocks: " + blocks);
        assertEquals(blocks, loaded[0], "a fresh session of the point per block");
        assertEquals(blocks, loaded[1], "and of the baseline");
        assertEquals(blocks * (2 + BlockTiming.ROUNDS_PER_BLOCK * 3), runs.stream().filter("point"::equals).count(),
                "each block warms up again");
        assertEquals(t.rounds() * 3, t.point().runs(), "warm-up runs are not timed");
        assertEquals(List.of("point", "base", "point", "base", "point", "point", "point", "base", "base", "base",
                "base", "base", "base", "point", "point", "point"), runs.subList(0, 16), "rounds alternate");
        assertTrue(t.point().p50Interval().contains(t.point().p50Ms()));
        assertTrue(t.reference().p50Interval().contains(t.reference().p50Ms()));
    }
}
