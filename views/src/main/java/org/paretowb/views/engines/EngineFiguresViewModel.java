package org.paretowb.views.engines;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;
import org.paretowb.views.workbench.HistoryViewModel;

/**
 * State of the "ORT vs DJL" tab: measuring the selected point's recipe on DJL's PyTorch engine (the window's
 * session's second engine, a cancellable job), and the selected point's figures on both engines. The DJL
 * measurement becomes a point of its own, saved in the workspace like every point under the inputs it was
 * measured on, with its engine in its provenance: the table lists it as "DJL PyTorch", the charts keep to one
 * engine. A measurement of inputs the window no longer uses is dropped.
 */
public final class EngineFiguresViewModel {
    private final MeasuringSession session;
    private final HistoryViewModel history;
    private final ObservableList<EngineRows.Row> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(EngineRows.summary(EngineRows.Pair.NONE));
    private final JobState job;
    private final BooleanBinding canMeasure;

    /** @param errors where a failed measurement's message goes (a dialog) */
    public EngineFiguresViewModel(MeasuringSession session, Executor fxThread, HistoryViewModel history,
                                  Consumer<String> errors) {
        this.session = session;
        this.history = history;
        this.job = new JobState(fxThread, errors, "Measures the selected point's recipe on DJL's PyTorch engine, on"
                + " the same images, with the same probes.");
        this.canMeasure = history.selectedProperty().isNotNull().and(job.busyProperty().not());
        history.selectedProperty().addListener((obs, old, point) -> show());
        history.points().addListener((ListChangeListener<EvaluatedPoint>) change -> show());
        show();
    }

    private void show() {
        EngineRows.Pair pair = EngineRows.pairOf(history.selectedProperty().get(), history.points());
        rows.setAll(EngineRows.of(pair));
        summary.set(EngineRows.summary(pair));
    }

    /**
     * Measures the selected point's recipe on DJL's PyTorch, on the images the point was measured on; the
     * result is added as a new point (the latest, so it is selected) and shown beside the ONNX Runtime one.
     */
    public void measureSelected() {
        EvaluatedPoint point = history.selectedProperty().get();
        if (point == null || job.busyProperty().get()) {
            return;
        }
        Recipe recipe = point.recipe();
        int samples = point.subset() ? point.measurement().samples() : 0;
        boolean warm = session.secondReady();
        long started = System.nanoTime();
        MeasuringSession.Handle<Measurement> handle = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> m.second(token).measure(recipe, samples, token));
        LaneTask.<Measurement>measuring("Measurement of #" + point.id() + " on DJL PyTorch", job, session)
                .onSucceeded(result -> history.add(recipe, result.value(), result.inputs()).thenAccept(added -> {
                    job.statusProperty().set(String.format(Locale.ROOT, "Point #%d: #%d measured again on DJL"
                            + " PyTorch, in %.1f s%s", added.id(), point.id(), (System.nanoTime() - started) / 1e9,
                            warm ? "" : " (engine start and warm-up included)"));
                    show();
                }))
                .start(String.format(Locale.ROOT, "Measuring #%d on DJL PyTorch on %,d images%s…", point.id(),
                        point.measurement().samples(), warm ? "" : " (the first time, the engine is warmed up first)"),
                        handle.result(), handle::cancel);
    }

    public void cancel() {
        job.cancelAll();
    }

    /** The selected point's figures on both engines. */
    public ObservableList<EngineRows.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty statusProperty() {
        return job.statusProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    /** A point is selected and no DJL measurement is running. */
    public BooleanBinding canMeasureProperty() {
        return canMeasure;
    }
}
