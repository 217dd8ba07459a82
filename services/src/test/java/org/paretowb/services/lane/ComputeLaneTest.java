package org.paretowb.services.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ComputeLaneTest {

    @Test
    void aNewerRequestCancelsTheOneInFlightAndSkipsTheQueuedOnes() throws Exception {
        try (ComputeLane lane = new ComputeLane(() -> { })) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = lane.submitLatest(token -> {
                started.countDown();
                await(release);
                token.check(); // the batch boundary
                return "first";
            });
            started.await(10, TimeUnit.SECONDS);
            CompletableFuture<String> second = lane.submitLatest(token -> "second");
            CompletableFuture<String> third = lane.submitLatest(token -> "third");
            release.countDown();

            assertEquals("third", third.get(10, TimeUnit.SECONDS));
            assertCancelled(first);
            assertCancelled(second);
        }
    }

    @Test
    void plainSubmissionsAreNotSuperseded() throws Exception {
        try (ComputeLane lane = new ComputeLane(() -> { })) {
            CompletableFuture<Integer> a = lane.submit(token -> 1);
            CompletableFuture<Integer> b = lane.submitLatest(token -> 2);
            assertEquals(1, a.get(10, TimeUnit.SECONDS));
            assertEquals(2, b.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void allWorkRunsOnOneNamedThread() throws Exception {
        try (ComputeLane lane = new ComputeLane(() -> { })) {
            String a = lane.submit(token -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
            String b = lane.submitLatest(token -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
            assertEquals("compute-lane", a);
            assertEquals(a, b);
        }
    }

    private static void assertCancelled(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CancelledException.class, e.getCause());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
