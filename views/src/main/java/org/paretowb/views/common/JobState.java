package org.paretowb.views.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a view shows of its background jobs ({@link LaneTask}s): whether one runs, its progress, the status
 * line, and whether Cancel can stop something. Changed on the FX thread only; {@code fxThread} is how results
 * get there.
 */
public final class JobState {
    private final Executor fxThread;
    private final Consumer<String> errors;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final StringProperty status;
    private final List<LaneTask<?>> running = new ArrayList<>();

    /**
     * @param errors where a failed job's message goes for a dialog (null: the status line says it)
     * @param ready  the status line before any job
     */
    public JobState(Executor fxThread, Consumer<String> errors, String ready) {
        this.fxThread = fxThread;
        this.errors = errors;
        this.status = new SimpleStringProperty(ready);
    }

    Executor fxThread() {
        return fxThread;
    }

    Consumer<String> errors() {
        return errors;
    }

    void started(LaneTask<?> task) {
        running.add(task);
        update();
    }

    void ended(LaneTask<?> task) {
        running.remove(task);
        update();
    }

    private void update() {
        busy.set(!running.isEmpty());
        cancellable.set(running.stream().anyMatch(LaneTask::cancellable));
    }

    /** Whether no job of this state is running (the last one to end says how things stand). */
    public boolean idle() {
        return running.isEmpty();
    }

    /** Stops every job running (each at its next batch); each then ends as cancelled. */
    public void cancelAll() {
        List.copyOf(running).forEach(LaneTask::cancel);
    }

    /** The share done of the job running, 0 to 1; -1 while unknown. Call on the FX thread. */
    public void progress(double share) {
        progress.set(share);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether something that Cancel can stop is running. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }
}
