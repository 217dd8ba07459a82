package org.paretowb.views.sensitivity;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.SensitivityCurve;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.SensitivityAnalysis;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;

/** State of the sensitivity view: the curves, the progress of a run, and what it says. */
public final class SensitivityViewModel {
    private static final String READY = "Prune one layer at a time from 10% to 90% and see how much accuracy each layer"
            + " can give.";
    private final MeasuringSession session;
    private final IntSupplier samples;
    private final JobState job;
    private final ObservableList<SensitivityCurve> curves = FXCollections.observableArrayList();

    /** @param samples how many evaluation images each point uses (the live subset) */
    public SensitivityViewModel(MeasuringSession session, Executor fxThread, IntSupplier samples) {
        this.session = session;
        this.samples = samples;
        this.job = new JobState(fxThread, null, READY);
    }

    public void run() {
        int images = samples.getAsInt();
        job.progress(0);
        LaneTask<MeasuringSession.Stamped<List<SensitivityCurve>>> task =
                LaneTask.measuring("Sensitivity analysis", job, session);
        MeasuringSession.Handle<List<SensitivityCurve>> handle = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> {
                    int total = SensitivityAnalysis.evaluations(m.main().original(), SensitivityAnalysis.DEFAULT_SPARSITIES);
                    return m.main().sensitivity(images, done -> task.progress((double) done / total), token);
                });
        task.onSucceeded(result -> finished(result.value(), images))
                .start("Pruning each layer alone at 9 sparsities…", handle.result(), handle::cancel);
    }

    public void cancel() {
        job.cancelAll();
    }

    /** Forgets the curves (the window started over on other inputs). */
    public void clear() {
        curves.clear();
        job.progress(0);
        job.statusProperty().set(READY);
    }

    private void finished(List<SensitivityCurve> result, int images) {
        curves.setAll(result);
        job.progress(1);
        SensitivityCurve fragile = result.stream().min((a, b) -> Double.compare(a.accuracy()[a.accuracy().length - 1],
                b.accuracy()[b.accuracy().length - 1])).orElse(null);
        job.statusProperty().set(fragile == null ? "No prunable layer" : String.format(Locale.ROOT,
                "%d layers on %,d images. Most fragile: %s, %.2f%% at 90%% sparsity (unpruned %.2f%%).", result.size(),
                images == 0 ? 10_000 : images, fragile.layer(),
                fragile.accuracy()[fragile.accuracy().length - 1] * 100, fragile.baseline() * 100));
    }

    public ObservableList<SensitivityCurve> curves() {
        return curves;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }
}
