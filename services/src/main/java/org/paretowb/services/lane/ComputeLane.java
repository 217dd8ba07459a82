package org.paretowb.services.lane;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The one thread all engine work runs on. The UI never waits on it: it submits work and gets a future.
 * {@link #submitLatest} implements "latest wins": a new request cancels the one before it, which stops
 * at its next batch boundary (or never starts, if it was still waiting).
 */
public final class ComputeLane implements AutoCloseable {
    private final ExecutorService executor;
    private CancelToken latest;

    /** @param threadSetup runs once on the lane's thread before any work (engine thread settings) */
    public ComputeLane(Runnable threadSetup) {
        this.executor = Executors.newSingleThreadExecutor(work -> {
            Thread t = new Thread(() -> {
                threadSetup.run();
                work.run();
            }, "compute-lane");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} after what is queued; it is not superseded by later requests. */
    public <T> CompletableFuture<T> submit(Function<CancelToken, T> work) {
        return run(new CancelToken(), work);
    }

    /** Runs {@code work} after what is queued, cancellable through {@code token} (a job the user can stop). */
    public <T> CompletableFuture<T> submit(CancelToken token, Function<CancelToken, T> work) {
        return run(token, work);
    }

    /** Runs {@code work} and cancels whatever {@code submitLatest} request came before it. */
    public <T> CompletableFuture<T> submitLatest(Function<CancelToken, T> work) {
        CancelToken token = new CancelToken();
        synchronized (this) {
            if (latest != null) {
                latest.cancel();
            }
            latest = token;
        }
        return run(token, work);
    }

    /**
     * What a lane future failed with: the work's own exception, unwrapped when a dependent stage wrapped it
     * in a {@link java.util.concurrent.CompletionException}; null when it did not fail.
     */
    public static Throwable causeOf(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /** Cancels the latest-wins request in flight, if any. */
    public synchronized void cancelLatest() {
        if (latest != null) {
            latest.cancel();
        }
    }

    private <T> CompletableFuture<T> run(CancelToken token, Function<CancelToken, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                token.check();
                result.complete(work.apply(token));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void close() {
        cancelLatest();
        executor.shutdownNow();
    }
}
