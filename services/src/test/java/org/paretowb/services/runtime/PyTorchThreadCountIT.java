package org.paretowb.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two windows measure on DJL's PyTorch from two lanes. Each sets libtorch's intra-op thread count for its
 * measurement; the count must be the one each records, whatever the other sets meanwhile. libtorch 2.7.1's CPU
 * build keeps the count per calling thread (OpenMP's and MKL's per-thread settings): if a later libtorch made
 * it the process's, this test fails and withThreads needs a process-wide lock.
 */
class PyTorchThreadCountIT {

    @Test
    void aThreadCountSetOnOneLaneIsNotTheOtherLanes() throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        int before = JniUtils.getNumThreads();
        CountDownLatch firstSet = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger seenByFirst = new AtomicInteger();
        AtomicInteger seenBySecond = new AtomicInteger();
        Thread first = new Thread(() -> runtime.withThreads(1, () -> {
            firstSet.countDown();
            await(secondDone); // the second lane sets its count while the first runs with its own
            seenByFirst.set(JniUtils.getNumThreads());
            return null;
        }), "first lane");
        Thread second = new Thread(() -> {
            await(firstSet);
            runtime.withThreads(3, () -> {
                seenBySecond.set(JniUtils.getNumThreads());
                return null;
            });
            secondDone.countDown();
        }, "second lane");

        first.start();
        second.start();
        first.join(60_000);
        second.join(60_000);

        assertTrue(secondDone.getCount() == 0, "the second lane ran while the first held its count");
        assertEquals(3, seenBySecond.get());
        assertEquals(1, seenByFirst.get(), "the first lane still runs with the count it set");
        assertEquals(before, JniUtils.getNumThreads(), "this thread's count is untouched");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
