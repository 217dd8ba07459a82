package org.paretowb.services.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work split across workers: a data set into contiguous slices (sizes differ by at most one), and a list of items
 * (recipes) handed out one at a time from a shared counter, so that a worker given cheap items takes more of them.
 * Either way every sample or item is taken exactly once.
 */
public final class Partitions {
    private Partitions() {
    }

    /** A slice of a data set: {@code count} samples from {@code from}. */
    public record Slice(int from, int count) {
    }

    /** {@code parts} contiguous slices covering {@code size} samples in order; none empty unless size < parts. */
    public static List<Slice> slices(int size, int parts) {
        if (size < 0 || parts < 1) {
            throw new IllegalArgumentException("slices need a size of 0 or more and 1 or more parts");
        }
        List<Slice> out = new ArrayList<>();
        int from = 0;
        for (int p = 0; p < parts; p++) {
            int count = size / parts + (p < size % parts ? 1 : 0);
            out.add(new Slice(from, count));
            from += count;
        }
        return out;
    }

    /** Does one item for a worker: {@code worker} is 0 to workers - 1, each on a thread of its own. */
    @FunctionalInterface
    public interface Work<T, R> {
        R run(int worker, T item) throws Exception;
    }

    /**
     * Runs {@code work} on every item with {@code workers} threads taking items from a shared counter; the results
     * come back in the items' order. The first failure stops the rest and is thrown.
     */
    public static <T, R> List<R> shared(List<T> items, int workers, Work<T, R> work) {
        if (workers < 1) {
            throw new IllegalArgumentException("1 or more workers, got " + workers);
        }
        List<R> results = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        R r = work.run(worker, items.get(i));
                        synchronized (results) {
                            results.set(i, r);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            next.set(items.size());
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        synchronized (results) {
            return new ArrayList<>(results);
        }
    }
}
