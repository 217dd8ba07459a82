package org.paretowb.services.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.BatchScan;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * Measures a network at every batch size and intra-op thread count asked for (see {@link BatchScan}): for each
 * thread count one session, and in it for each batch a prepared input of that many distinct images, run
 * {@value #WARM_UP_RUNS} times untimed, then timed for at least {@value #MIN_RUNS} runs and about
 * {@code cellMillis} milliseconds; a cell's time is the median run.
 */
public final class BatchScanner {
    static final int WARM_UP_RUNS = 3;
    static final int MIN_RUNS = 7;

    private final long cellMillis;

    public BatchScanner(long cellMillis) {
        if (cellMillis <= 0) {
            throw new IllegalArgumentException("each cell needs a positive time budget");
        }
        this.cellMillis = cellMillis;
    }

    /** @param load a session of the network with the given intra-op threads */
    public BatchScan scan(IntFunction<InferenceNetwork> load, LabeledImages images, List<Integer> batches,
                          List<Integer> threads, CancelToken cancel) {
        int largest = batches.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (images.size() < largest) {
            throw new IllegalArgumentException("batch " + largest + " needs " + largest + " images, there are "
                    + images.size());
        }
        List<BatchScan.Cell> cells = new ArrayList<>();
        String engine = "";
        for (int t : threads) {
            try (InferenceNetwork network = load.apply(t)) {
                engine = network.engine().replaceFirst(", \\d+ intra-op threads?", "");
                for (int batch : batches) {
                    double ms = medianMillis(network, images.scaledPixels(0, batch), batch, cancel);
                    cells.add(new BatchScan.Cell(t, batch, ms, batch * 1000.0 / ms));
                }
            }
        }
        return new BatchScan(engine, largest, cells);
    }

    private double medianMillis(InferenceNetwork network, float[] pixels, int batch, CancelToken cancel) {
        try (InferenceNetwork.PreparedBatch prepared = network.prepare(pixels, batch)) {
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                prepared.run();
            }
            List<Double> runs = new ArrayList<>();
            long deadline = System.nanoTime() + cellMillis * 1_000_000L;
            while (runs.size() < MIN_RUNS || System.nanoTime() < deadline) {
                cancel.check();
                long start = System.nanoTime();
                prepared.run();
                runs.add((System.nanoTime() - start) / 1e6);
            }
            double[] sorted = runs.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
