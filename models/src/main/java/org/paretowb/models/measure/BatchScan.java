package org.paretowb.models.measure;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Throughput and latency of one network measured at several batch sizes and intra-op thread counts, with the knee:
 * the smallest batch that reaches {@value #KNEE_SHARE} of the best throughput (beyond it, a bigger batch buys little
 * throughput and costs latency per batch).
 *
 * @param engine the engine and session settings the cells were measured with
 * @param images how many distinct images the batches were cut from
 * @param cells one per measured (threads, batch)
 */
public record BatchScan(String engine, int images, List<Cell> cells) {
    /** The share of the best throughput the knee batch reaches. */
    public static final double KNEE_SHARE = 0.9;

    /**
     * One measured setting.
     *
     * @param batchMs the median time of one batch, end to end (input in, logits back in Java memory)
     * @param imagesPerSecond {@code batch} images over that median
     */
    public record Cell(int threads, int batch, double batchMs, double imagesPerSecond) {
        public Cell {
            if (threads < 1 || batch < 1 || !(batchMs > 0)) {
                throw new IllegalArgumentException("a cell needs threads >= 1, batch >= 1 and a positive time");
            }
        }
    }

    public BatchScan {
        cells = List.copyOf(cells);
    }

    /** The best cell of all: the highest throughput. */
    public Optional<Cell> best() {
        return cells.stream().max(Comparator.comparingDouble(Cell::imagesPerSecond));
    }

    /** The knee among all cells: the smallest batch whose cell (at any thread count) reaches 90% of the best. */
    public Optional<Cell> knee() {
        return knee(cells);
    }

    /** The knee at one thread count. */
    public Optional<Cell> knee(int threads) {
        return knee(cells.stream().filter(c -> c.threads() == threads).toList());
    }

    /** The thread counts measured, ascending. */
    public List<Integer> threadCounts() {
        return cells.stream().map(Cell::threads).distinct().sorted().toList();
    }

    /**
     * The smallest batch reaching {@link #KNEE_SHARE} of the best throughput of {@code cells}; of several cells with
     * that batch, the fastest (so the knee names the threads to use as well).
     */
    public static Optional<Cell> knee(List<Cell> cells) {
        double best = cells.stream().mapToDouble(Cell::imagesPerSecond).max().orElse(0);
        return cells.stream().filter(c -> c.imagesPerSecond() >= KNEE_SHARE * best)
                .min(Comparator.comparingInt(Cell::batch).thenComparing(Comparator.comparingDouble(
                        Cell::imagesPerSecond).reversed()));
    }

    /** Batch sizes 1, 2, 4, ... up to {@code max} (a power of two or not: the last is the largest power below it). */
    public static List<Integer> powersOfTwo(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the largest batch must be 1 or more, got " + max);
        }
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (int b = 1; b <= max && b > 0; b *= 2) {
            out.add(b);
        }
        return out;
    }
}
