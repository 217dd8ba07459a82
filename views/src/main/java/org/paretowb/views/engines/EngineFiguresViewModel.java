package org.paretowb.views.engines;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringLane;
import org.paretowb.services.evaluate.SecondEngine;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.lane.ComputeLane;
import org.paretowb.views.workbench.WorkbenchViewModel;

/**
 * State of the "ORT vs DJL" tab: measuring the selected point's recipe on DJL's PyTorch engine (a job on
 * the window's compute lane, cancellable), and the selected point's figures on both engines. The DJL
 * measurement becomes a point of its own, saved in the workspace like every point, with its engine in its
 * provenance: the table lists it as "DJL PyTorch", the charts keep to one engine.
 */
public final class EngineFiguresViewModel {
    private final MeasuringLane lane;
    private final Executor fxThread;
    private final SecondEngine djl;
    private final WorkbenchViewModel workbench;
    private final ObservableList<EngineRows.Row> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(EngineRows.summary(EngineRows.Pair.NONE));
    private final StringProperty status = new SimpleStringProperty(
            "Measures the selected point's recipe on DJL's PyTorch engine, on the same images, with the same probes.");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canMeasure;
    private CancelToken job = new CancelToken();

    /** @param djl DJL's PyTorch engine beside the lane's own (made and warmed up on the lane when first used) */
    public EngineFiguresViewModel(MeasuringLane lane, Executor fxThread, SecondEngine djl, WorkbenchViewModel workbench) {
        this.lane = lane;
        this.fxThread = fxThread;
        this.djl = djl;
        this.workbench = workbench;
        this.canMeasure = workbench.selectedProperty().isNotNull().and(busy.not());
        workbench.selectedProperty().addListener((obs, old, point) -> show());
        workbench.points().addListener((ListChangeListener<EvaluatedPoint>) change -> show());
        show();
    }

    private void show() {
        EngineRows.Pair pair = EngineRows.pairOf(workbench.selectedProperty().get(), workbench.points());
        rows.setAll(EngineRows.of(pair));
        summary.set(EngineRows.summary(pair));
    }

    /**
     * Measures the selected point's recipe on DJL's PyTorch, on the images the point was measured on; the
     * result is added as a new point (the latest, so it is selected) and shown beside the ONNX Runtime one.
     */
    public void measureSelected() {
        EvaluatedPoint point = workbench.selectedProperty().get();
        if (point == null || busy.get()) {
            return;
        }
        Recipe recipe = point.recipe();
        int samples = point.subset() ? point.measurement().samples() : 0;
        busy.set(true);
        status.set(String.format(Locale.ROOT, "Measuring #%d on DJL PyTorch on %,d images%s…", point.id(),
                point.measurement().samples(), djl.ready() ? "" : " (the first time, the engine is warmed up first)"));
        job = new CancelToken();
        boolean warm = djl.ready();
        long started = System.nanoTime();
        lane.run(job, (measurer, token) -> djl.measure(measurer, recipe, samples, token))
                .whenComplete((measurement, failure) -> fxThread.execute(() ->
                        finished(point, measurement, failure, (System.nanoTime() - started) / 1e9, warm)));
    }

    public void cancel() {
        job.cancel();
    }

    /** @param seconds from the request to the result, waiting behind other work on the lane included */
    private void finished(EvaluatedPoint from, Measurement measurement, Throwable failure, double seconds, boolean warm) {
        busy.set(false);
        Throwable cause = ComputeLane.causeOf(failure);
        if (cause instanceof CancelledException) {
            status.set("Measurement on DJL PyTorch cancelled");
            return;
        }
        if (cause != null) {
            status.set("Measurement on DJL PyTorch failed");
            workbench.errorProperty().set("Could not measure #" + from.id() + " on DJL PyTorch: "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
            return;
        }
        EvaluatedPoint added = workbench.addPoint(from.recipe(), measurement);
        status.set(String.format(Locale.ROOT, "Point #%d: #%d measured again on DJL PyTorch, in %.1f s%s", added.id(),
                from.id(), seconds, warm ? "" : " (engine start and warm-up included)"));
        show();
    }

    /** The selected point's figures on both engines. */
    public ObservableList<EngineRows.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** A point is selected and no DJL measurement is running. */
    public BooleanBinding canMeasureProperty() {
        return canMeasure;
    }
}
