package org.paretowb.views.training;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.LayerRemovalSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.train.EpochListener;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;
import org.paretowb.views.workbench.HistoryViewModel;

/**
 * Training jobs: distillation (a student trained on the loaded model's soft targets, then compressed by the
 * knobs' recipe) and fine-tuning (the knobs' recipe with N epochs of training after compression, pruned
 * weights held at zero), each then measured. A job runs on the compute lane with its own cancel token
 * (stopped at the next batch), reports each epoch (the curve and the network measured as it stands, so the
 * student's point moves on the charts), and adds the finished point to the window's history.
 */
public final class TrainingJobViewModel {
    /**
     * One point of the training curve: the running loss and training accuracy at {@code epoch} (fractional every few
     * batches, whole at an epoch's end).
     */
    public record Epoch(double epoch, double loss, double accuracy) {
    }

    /** The network measured on the evaluation images after an epoch: the validation figure of that epoch. */
    public record Validation(int epoch, double accuracy, int images) {
    }

    private final MeasuringSession session;
    private final Executor fxThread;
    private final Supplier<Recipe> knobs;
    private final IntSupplier samples;
    private final HistoryViewModel history;
    private final JobState job;
    private final ObjectProperty<String> student = new SimpleObjectProperty<>("mlp:64");
    private final DoubleProperty temperature = new SimpleDoubleProperty(2);
    private final DoubleProperty alpha = new SimpleDoubleProperty(0.5);
    private final IntegerProperty epochs = new SimpleIntegerProperty(3);
    private final IntegerProperty fineTuneEpochs = new SimpleIntegerProperty(1);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(0.01);
    private final ObjectProperty<FineTuneSettings.Optimizer> fineTuneOptimizer =
            new SimpleObjectProperty<>(FineTuneSettings.Optimizer.ADAM);
    private final DoubleProperty fineTuneRate = new SimpleDoubleProperty(FineTuneSettings.NONE.learningRate());
    private final DoubleProperty fineTuneL1 = new SimpleDoubleProperty(0);
    private final ObjectProperty<String> removeLayers = new SimpleObjectProperty<>("");
    private final ObservableList<Epoch> curve = FXCollections.observableArrayList();
    private final ObservableList<Validation> validation = FXCollections.observableArrayList();

    /**
     * @param knobs the other knobs' recipe, applied to the student after distillation
     * @param history shows the network measured after each epoch, and keeps the finished job's point
     */
    public TrainingJobViewModel(MeasuringSession session, Executor fxThread, Supplier<Recipe> knobs, IntSupplier samples,
                                HistoryViewModel history) {
        this.session = session;
        this.fxThread = fxThread;
        this.knobs = knobs;
        this.samples = samples;
        this.history = history;
        this.job = new JobState(fxThread, null, "Set the student and press Distil.");
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
            job.statusProperty().set("Cannot distil: " + e.getMessage());
            return false;
        }
        Recipe r = knobs.get();
        run(r.toBuilder().distillation(settings).build(),
                "Distillation", "Computing the teacher's soft targets, then training the student…");
        return true;
    }

    /** Starts a fine-tuning job: the knobs' recipe, fine-tuned for the set epochs after compression. */
    public boolean startFineTuning() {
        Recipe r = knobs.get();
        FineTuneSettings fineTune;
        LayerRemovalSettings removal;
        try {
            fineTune = new FineTuneSettings(fineTuneEpochs.get(), fineTuneRate.get(), fineTuneOptimizer.get(),
                    FineTuneSettings.Schedule.COSINE, FineTuneSettings.DEFAULT_MOMENTUM, fineTuneL1.get(), 0,
                    FineTuneSettings.DEFAULT_BATCH);
            removal = LayerRemovalSettings.parse(removeLayers.get());
        } catch (IllegalArgumentException e) {
            job.statusProperty().set("Cannot fine-tune: " + e.getMessage());
            return false;
        }
        run(r.toBuilder().removal(removal).fineTune(fineTune).build(),
                "Fine-tuning", "Compressing, then fine-tuning with pruned weights held at zero…");
        return true;
    }

    private void run(Recipe recipe, String what, String starting) {
        curve.clear();
        validation.clear();
        job.progress(-1);
        int images = samples.getAsInt();
        LaneTask<MeasuringSession.Stamped<Measurement>> task = LaneTask.measuring(what, job, session);
        EpochListener epochs = new EpochListener() {
            @Override
            public void epochDone(int epoch, int total, double loss, double accuracy, long millis) {
                fxThread.execute(() -> {
                    curve.add(new Epoch(epoch, loss, accuracy));
                    job.progress((double) epoch / total);
                    job.statusProperty().set(String.format(Locale.ROOT, "%s epoch %d of %d: loss %.4f, training"
                            + " accuracy %.2f%% (%.1f s)", what, epoch, total, loss, accuracy * 100, millis / 1000.0));
                });
            }

            @Override
            public void batchesDone(int epoch, int total, int batch, int batches, double loss, double accuracy) {
                double at = epoch - 1 + (double) batch / batches;
                fxThread.execute(() -> {
                    curve.add(new Epoch(at, loss, accuracy));
                    job.progress(at / total);
                });
            }
        };
        PointMeasurer.InterimPoints interim = (epoch, total, measurement) -> fxThread.execute(() -> {
            validation.add(new Validation(epoch, measurement.accuracy(), measurement.samples()));
            history.showInterim(recipe, measurement, String.format(Locale.ROOT, "%s, after epoch %d of %d",
                    what.toLowerCase(Locale.ROOT), epoch, total));
        });
        MeasuringSession.Handle<Measurement> handle = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> m.main().measure(recipe, images, epochs, interim, token));
        task.whenCancelledSay(" (no point added)")
                .onSucceeded(result -> {
                    job.progress(1);
                    validation.add(new Validation(curve.isEmpty() ? 1 : (int) Math.ceil(curve.get(curve.size() - 1)
                            .epoch()), result.value().accuracy(), result.value().samples()));
                    job.statusProperty().set(String.format(Locale.ROOT, "%s done, %s: %.2f%% top-1 on %,d images;"
                            + " added to the charts", what, recipe.summary(), result.value().accuracy() * 100,
                            result.value().samples()));
                    history.add(recipe, result.value(), result.inputs());
                })
                .onEnded(history::dropInterim)
                .start(starting, handle.result(), handle::cancel);
    }

    public void cancel() {
        job.cancelAll();
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

    public ObjectProperty<FineTuneSettings.Optimizer> fineTuneOptimizerProperty() {
        return fineTuneOptimizer;
    }

    public DoubleProperty fineTuneRateProperty() {
        return fineTuneRate;
    }

    public DoubleProperty fineTuneL1Property() {
        return fineTuneL1;
    }

    /** Layers to remove before fine-tuning: "" for none, a count (the least sensitive) or names. */
    public ObjectProperty<String> removeLayersProperty() {
        return removeLayers;
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

    /** Top-1 on the evaluation images after each epoch (the last when the job's point is measured). */
    public ObservableList<Validation> validation() {
        return validation;
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
