package org.paretowb.views.sensitivity;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.SensitivityCurve;
import org.paretowb.services.evaluate.MeasuringLane;
import org.paretowb.services.evaluate.SensitivityAnalysis;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.lane.ComputeLane;

/** State of the sensitivity view: the curves, the progress of a run, and what it says. */
public final class SensitivityViewModel {
    private final MeasuringLane lane;
    private final Executor fxThread;
    private final IntSupplier samples;
    private CancelToken job = new CancelToken();
    private final ObservableList<SensitivityCurve> curves = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private static final String READY = "Prune one layer at a time from 10% to 90% and see how much accuracy each layer"
            + " can give.";
    private final StringProperty status = new SimpleStringProperty(READY);

    /** @param samples how many evaluation images each point uses (the live subset) */
    public SensitivityViewModel(MeasuringLane lane, Executor fxThread, IntSupplier samples) {
        this.lane = lane;
        this.fxThread = fxThread;
        this.samples = samples;
    }

    public void run() {
        int images = samples.getAsInt();
        busy.set(true);
        progress.set(0);
        status.set("Pruning each layer alone at 9 sparsities…");
        job = new CancelToken();
        lane.run(job, (measurer, token) -> {
            int total = SensitivityAnalysis.evaluations(measurer.original(), SensitivityAnalysis.DEFAULT_SPARSITIES);
            return measurer.sensitivity(images, done -> fxThread.execute(() -> progress.set((double) done / total)),
                    token);
        }).whenComplete((result, failure) -> fxThread.execute(() -> finished(result, failure)));
    }

    public void cancel() {
        job.cancel();
    }

    /** Forgets the curves (the window started over on other inputs). */
    public void clear() {
        curves.clear();
        progress.set(0);
        status.set(READY);
    }

    private void finished(List<SensitivityCurve> result, Throwable failure) {
        busy.set(false);
        Throwable cause = ComputeLane.causeOf(failure);
        if (cause instanceof CancelledException) {
            status.set("Sensitivity analysis cancelled");
            return;
        }
        if (cause != null) {
            status.set("Sensitivity analysis failed: " + cause.getMessage());
            return;
        }
        curves.setAll(result);
        SensitivityCurve fragile = result.stream().min((a, b) -> Double.compare(a.accuracy()[a.accuracy().length - 1],
                b.accuracy()[b.accuracy().length - 1])).orElse(null);
        status.set(fragile == null ? "No prunable layer" : String.format(Locale.ROOT,
                "%d layers on %,d images. Most fragile: %s, %.2f%% at 90%% sparsity (unpruned %.2f%%).", result.size(),
                samples.getAsInt() == 0 ? 10_000 : samples.getAsInt(), fragile.layer(),
                fragile.accuracy()[fragile.accuracy().length - 1] * 100, fragile.baseline() * 100));
    }

    public ObservableList<SensitivityCurve> curves() {
        return curves;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
