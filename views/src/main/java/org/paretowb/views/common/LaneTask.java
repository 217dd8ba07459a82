package org.paretowb.views.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.lane.ComputeLane;

/**
 * One background job of a view, from start to end, in the spirit of Cryptomator's workflow tasks: it marks its
 * {@link JobState} busy (and cancellable when it can be stopped) while it runs, and ends in exactly one of five
 * ways, each said here once and in the same words for every job: succeeded (the caller's handler says what it
 * got), cancelled ("… cancelled"), failed ("… failed: reason", in a dialog where the state has one), or stale
 * (measured on inputs the window no longer uses: dropped, "… dropped: …"). Results reach the FX thread through
 * the state's executor; handlers run there.
 *
 * @param <T> what the job produces
 */
public final class LaneTask<T> {
    private final String what;
    private final JobState state;
    private Consumer<T> succeeded = value -> { };
    private Runnable ended = () -> { };
    private Predicate<T> stale = value -> false;
    private String cancelledTail = "";
    private String failedTail = "";
    private Runnable canceller;

    private LaneTask(String what, JobState state) {
        this.what = what;
        this.state = state;
    }

    /** @param what the job as the status line names it ("Export of #3", "Sensitivity analysis") */
    public static <T> LaneTask<T> of(String what, JobState state) {
        return new LaneTask<>(what, state);
    }

    /** Runs on the FX thread with the result (unless stale); it says what was got in the status line. */
    public LaneTask<T> onSucceeded(Consumer<T> handler) {
        this.succeeded = handler;
        return this;
    }

    /** Runs on the FX thread however the job ended, after the ending's own handling (cleaning up). */
    public LaneTask<T> onEnded(Runnable handler) {
        this.ended = handler;
        return this;
    }

    /** What the cancelled status adds after "… cancelled" ("after 2 epochs; no point added"). */
    public LaneTask<T> whenCancelledSay(String tail) {
        this.cancelledTail = tail;
        return this;
    }

    /** What a failure's message adds after the reason ("The window goes on as it was."). */
    public LaneTask<T> whenFailedSay(String tail) {
        this.failedTail = tail;
        return this;
    }

    /**
     * A task of a job on {@code session} (start it with the job's handle: {@code start(starting, handle.result(),
     * handle::cancel)}): its result is dropped as stale when the session's inputs changed since it was measured.
     */
    public static <R> LaneTask<MeasuringSession.Stamped<R>> measuring(String what, JobState state,
                                                                     MeasuringSession session) {
        LaneTask<MeasuringSession.Stamped<R>> task = new LaneTask<>(what, state);
        task.stale = stamped -> !session.isCurrent(stamped.inputs());
        return task;
    }

    /**
     * Starts following {@code work}: the status says {@code starting}; {@code cancel} (null: it cannot be
     * stopped) is what Cancel does.
     */
    public LaneTask<T> start(String starting, CompletableFuture<T> work, Runnable cancel) {
        this.canceller = cancel;
        state.statusProperty().set(starting);
        state.started(this);
        work.whenComplete((value, failure) -> state.fxThread().execute(() -> end(value, failure)));
        return this;
    }

    boolean cancellable() {
        return canceller != null;
    }

    /** Stops the job at its next batch (or before it starts); it then ends as cancelled. */
    public void cancel() {
        if (canceller != null) {
            canceller.run();
        }
    }

    /** Reports progress from any thread (0 to 1; -1: unknown); shown while this job runs. */
    public void progress(double share) {
        state.fxThread().execute(() -> state.progress(share));
    }

    private void end(T value, Throwable failure) {
        state.ended(this);
        Throwable cause = ComputeLane.causeOf(failure);
        if (cause instanceof CancelledException) {
            say(what + " cancelled" + cancelledTail);
        } else if (cause != null) {
            String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            say(what + " failed");
            if (state.errors() != null) {
                state.errors().accept(what + " failed: " + reason + failedTail);
            } else {
                state.statusProperty().set(what + " failed: " + reason);
            }
        } else if (stale.test(value)) {
            say(what + " dropped: it was measured on the inputs before the window started over");
        } else {
            succeeded.accept(value);
        }
        ended.run();
    }

    /** The status line, unless another job of the same state still runs (the last to end speaks). */
    private void say(String message) {
        if (state.idle()) {
            state.statusProperty().set(message);
            state.progress(0);
        }
    }
}
