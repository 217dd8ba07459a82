package org.paretowb.views.workbench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paretowb.services.store.WorkspaceException;

/**
 * Runs workspace work on the window's workspace thread (SQLite may wait seconds for another process's lock) and
 * brings its result, or its failure's message, back to the FX thread.
 */
final class WorkspaceIo {
    private final Executor fxThread;
    private final Executor io;
    private final Consumer<String> errors;

    WorkspaceIo(Executor fxThread, Executor io, Consumer<String> errors) {
        this.fxThread = fxThread;
        this.io = io;
        this.errors = errors;
    }

    /**
     * Runs {@code work} on the workspace thread; on the FX thread then {@code done} with its result, or the
     * failure goes to the errors with {@code tail} after its message; {@code always} runs in both cases.
     */
    <T> void run(Supplier<T> work, Consumer<T> done, String tail, Runnable always) {
        CompletableFuture.supplyAsync(work, io).whenComplete((value, failure) -> fxThread.execute(() -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof WorkspaceException e) {
                errors.accept(e.getMessage() + tail);
            } else if (cause != null) {
                errors.accept("The workspace failed: " + cause + tail);
            } else {
                done.accept(value);
            }
            always.run();
        }));
    }

    /** Runs {@code work} on the workspace thread after what is queued there, with no answer (closing). */
    void later(Runnable work) {
        io.execute(work);
    }
}
