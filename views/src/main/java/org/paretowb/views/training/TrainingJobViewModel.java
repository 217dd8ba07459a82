package org.paretowb.views.training;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringLane;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.lane.ComputeLane;

/**
 * Training jobs: distillation (a student trained on the loaded model's soft targets, then compressed by the
 * knobs' recipe) and fine-tuning (the knobs' recipe with N epochs of training after compression, pruned
 * weights held at zero), each then measured. A job runs on the compute lane with its own cancel token
 * (stopped at the next batch), reports each epoch (the curve and the network measured as it stands, so the
 * student's point moves on the charts), and hands the finished point to the workbench.
 */
public final class TrainingJobViewModel {
    /** One epoch of the curve. */
    public record Epoch(int epoch, double loss, double accuracy) {
    }

    private final MeasuringLane lane;
    private final Executor fxThread;
    private final Supplier<Recipe> knobs;
    private final IntSupplier samples;
    private final StudentPoints points;
    private final ObjectProperty<String> student = new SimpleObjectProperty<>("mlp:64");
    private final DoubleProperty temperature = new SimpleDoubleProperty(2);
    private final DoubleProperty alpha = new SimpleDoubleProperty(0.5);
    private final IntegerProperty epochs = new SimpleIntegerProperty(3);
    private final IntegerProperty fineTuneEpochs = new SimpleIntegerProperty(1);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(0.01);
    private final ObservableList<Epoch> curve = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Set the student and press Distil.");
    private CancelToken job = new CancelToken();

    /**
     * @param knobs the other knobs' recipe, applied to the student after distillation
     * @param points receives the network measured after each epoch and the finished job's point
     */
    public TrainingJobViewModel(MeasuringLane lane, Executor fxThread, Supplier<Recipe> knobs, IntSupplier samples,
                                StudentPoints points) {
        this.lane = lane;
        this.fxThread = fxThread;
        this.knobs = knobs;
        this.samples = samples;
        this.points = points;
    }

    /** The settings as they stand; a setting out of range throws with a message a user can read. */
    public DistillationSettings settings() {
        return new DistillationSettings(student.get(), temperature.get(), alpha.get(), epochs.get(), learningRate.get(),
                DistillationSettings.Optimizer.ADAM, 0, 128, 1);
    }

    /** Starts a distillation job; false (with the reason in the status) when a setting is invalid. */
    public boolean start() {
        DistillationSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            status.set("Cannot distil: " + e.getMessage());
            return false;
        }
        Recipe r = knobs.get();
        run(new Recipe(settings, r.structured(), r.lowRank(), r.pruning(), r.fineTune(), r.quantization()),
                "Distillation", "Computing the teacher's soft targets, then training the student…");
        return true;
    }

    /** Starts a fine-tuning job: the knobs' recipe, fine-tuned for the set epochs after compression. */
    public boolean startFineTuning() {
        Recipe r = knobs.get();
        FineTuneSettings fineTune;
        try {
            fineTune = new FineTuneSettings(fineTuneEpochs.get(), FineTuneSettings.NONE.learningRate());
        } catch (IllegalArgumentException e) {
            status.set("Cannot fine-tune: " + e.getMessage());
            return false;
        }
        run(new Recipe(r.distillation(), r.structured(), r.lowRank(), r.pruning(), fineTune, r.quantization()),
                "Fine-tuning", "Compressing, then fine-tuning with pruned weights held at zero…");
        return true;
    }

    private void run(Recipe recipe, String what, String starting) {
        job = new CancelToken();
        curve.clear();
        progress.set(-1);
        busy.set(true);
        status.set(starting);
        lane.train(recipe, samples.getAsInt(), (epoch, total, loss, accuracy, millis) -> fxThread.execute(() -> {
            curve.add(new Epoch(epoch, loss, accuracy));
            progress.set((double) epoch / total);
            status.set(String.format(Locale.ROOT, "%s epoch %d of %d: loss %.4f, training accuracy %.2f%% (%.1f s)",
                    what, epoch, total, loss, accuracy * 100, millis / 1000.0));
        }), (epoch, total, measurement) -> fxThread.execute(() -> points.interim(recipe, measurement,
                String.format(Locale.ROOT, "%s, after epoch %d of %d", what.toLowerCase(Locale.ROOT), epoch, total))),
                job).whenComplete((measurement, failure) ->
                fxThread.execute(() -> finished(recipe, what, measurement, failure)));
    }

    public void cancel() {
        job.cancel();
    }

    private void finished(Recipe recipe, String what, Measurement measurement, Throwable failure) {
        busy.set(false);
        Throwable cause = ComputeLane.causeOf(failure);
        if (cause instanceof CancelledException) {
            status.set(what + " cancelled after " + curve.size() + " epoch(s); no point added");
            progress.set(0);
            points.abandoned();
            return;
        }
        if (cause != null) {
            status.set(what + " failed: " + cause.getMessage());
            progress.set(0);
            points.abandoned();
            return;
        }
        progress.set(1);
        status.set(String.format(Locale.ROOT, "%s done, %s: %.2f%% top-1 on %,d images; added to the charts", what,
                recipe.summary(), measurement.accuracy() * 100, measurement.samples()));
        points.finished(recipe, measurement);
    }

    public ObjectProperty<String> studentProperty() {
        return student;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty fineTuneEpochsProperty() {
        return fineTuneEpochs;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public ObservableList<Epoch> curve() {
        return curve;
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
