package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionsTest {
    @Test
    void slicesCoverEverySampleExactlyOnceInOrder() {
        for (int size : new int[] {0, 1, 7, 10_000, 10_001}) {
            for (int parts = 1; parts <= 5; parts++) {
                List<Partitions.Slice> slices = Partitions.slices(size, parts);
                assertEquals(parts, slices.size());
                int[] seen = new int[size];
                int next = 0;
                for (Partitions.Slice s : slices) {
                    assertEquals(next, s.from(), "contiguous");
                    for (int i = s.from(); i < s.from() + s.count(); i++) {
                        seen[i]++;
                    }
                    next = s.from() + s.count();
                }
                assertEquals(size, next);
                assertTrue(IntStream.of(seen).allMatch(c -> c == 1), size + " in " + parts);
                int min = slices.stream().mapToInt(Partitions.Slice::count).min().orElseThrow();
                int max = slices.stream().mapToInt(Partitions.Slice::count).max().orElseThrow();
                assertTrue(max - min <= 1, "balanced");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Partitions.slices(10, 0));
    }

    @Test
    void everyRecipeIsMeasuredExactlyOnceAndResultsKeepTheirOrder() {
        List<Integer> recipes = IntStream.range(0, 48).boxed().toList();
        for (int workers = 1; workers <= 4; workers++) {
            Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
            Map<Integer, Integer> byWorker = new ConcurrentHashMap<>();
            List<Integer> results = Partitions.shared(recipes, workers, (worker, r) -> {
                runs.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
                byWorker.merge(worker, 1, Integer::sum);
                return r * 10;
            });
            assertEquals(48, runs.size());
            assertTrue(runs.values().stream().allMatch(c -> c.get() == 1), "each once with " + workers + " workers");
            assertEquals(recipes.stream().map(r -> r * 10).toList(), results);
            assertEquals(48, byWorker.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(byWorker.keySet().stream().allMatch(w -> w >= 0 && w < 4));
        }
    }

    @Test
    void aFailingItemStopsTheRunAndIsThrown() {
        List<Integer> taken = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Partitions.shared(List.of(1, 2, 3), 2,
                (worker, r) -> {
                    synchronized (taken) {
                        taken.add(r);
                    }
                    if (r == 2) {
                        throw new IllegalStateException("recipe 2 failed");
                    }
                    return r;
                }));
        assertEquals("recipe 2 failed", e.getMessage());
    }
}
