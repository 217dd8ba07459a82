package org.paretowb.views.sensitivity;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;

/**
 * State of the sensitivity view: the technique chosen, each technique's curves once run, the progress of a run,
 * and what it says.
 */
public final class SensitivityViewModel {
    private static final String READY = "Change one layer at a time (prune it, quantize its weights, factorize it,"
            + " remove channels, or run it on int8 kernels) and see how much accuracy each layer can give.";
    private final MeasuringSession session;
    private final IntSupplier samples;
    private final JobState job;
    private final ObjectProperty<SensitivityTechnique> technique = new SimpleObjectProperty<>(SensitivityTechnique.PRUNE);
    private final Map<SensitivityTechnique, List<LayerSensitivity>> results = new EnumMap<>(SensitivityTechnique.class);
    private final Map<SensitivityTechnique, Integer> imagesOf = new EnumMap<>(SensitivityTechnique.class);
    private final Map<SensitivityTechnique, String> statuses = new EnumMap<>(SensitivityTechnique.class);
    private final ObservableList<LayerSensitivity> curves = FXCollections.observableArrayList();

    /** @param samples how many evaluation images each point uses (the live subset) */
    public SensitivityViewModel(MeasuringSession session, Executor fxThread, IntSupplier samples) {
        this.session = session;
        this.samples = samples;
        this.job = new JobState(fxThread, null, READY);
        technique.addListener((o, before, now) -> show(now));
    }

    /** Runs the chosen technique on every layer. */
    public void run() {
        SensitivityTechnique chosen = technique.get();
        int images = samples.getAsInt();
        job.progress(0);
        LaneTask<MeasuringSession.Stamped<List<LayerSensitivity>>> task =
                LaneTask.measuring("Sensitivity analysis", job, session);
        MeasuringSession.Handle<List<LayerSensitivity>> handle = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> {
                    int total = Math.max(1, m.main().sensitivityEvaluations(chosen));
                    return m.main().sensitivity(chosen, images, done -> task.progress((double) done / total), token);
                });
        task.onSucceeded(result -> finished(chosen, result.value(), images))
                .start(chosen.title() + ": changing each layer alone at " + chosen.settings().length + " setting"
                        + (chosen.settings().length == 1 ? "" : "s") + "…", handle.result(), handle::cancel);
    }

    public void cancel() {
        job.cancelAll();
    }

    /** Forgets every technique's curves (the window started over on other inputs). */
    public void clear() {
        results.clear();
        statuses.clear();
        curves.clear();
        job.progress(0);
        job.statusProperty().set(READY);
    }

    private void finished(SensitivityTechnique done, List<LayerSensitivity> result, int images) {
        imagesOf.put(done, images);
        results.put(done, result);
        LayerSensitivity fragile = result.stream().min((a, b) -> Double.compare(a.harshest(), b.harshest()))
                .orElse(null);
        statuses.put(done, fragile == null ? done.title() + ": no layer it applies to" : String.format(Locale.ROOT,
                "%s: %d layers on %,d images. Most fragile: %s, %.2f%% at its harshest setting (unchanged %.2f%%).",
                done.title(), result.size(), images == 0 ? 10_000 : images, fragile.layer(), fragile.harshest() * 100,
                fragile.baseline() * 100));
        job.progress(1);
        if (technique.get() == done) {
            show(done);
        }
    }

    /** How many evaluation images the curves shown were measured on (0: none shown or unknown). */
    public int imagesShown() {
        return imagesOf.getOrDefault(technique.get(), 0);
    }

    private void show(SensitivityTechnique shown) {
        curves.setAll(results.getOrDefault(shown, List.of()));
        job.statusProperty().set(statuses.getOrDefault(shown, shown.title() + ": not run yet. " + READY));
    }

    /** The chosen technique's rows (empty until it has run). */
    public ObservableList<LayerSensitivity> curves() {
        return curves;
    }

    public ObjectProperty<SensitivityTechnique> techniqueProperty() {
        return technique;
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
