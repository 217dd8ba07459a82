package org.paretowb.views.inputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.ImageFolder;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;
import org.paretowb.views.workbench.WorkbenchViewModel;

/**
 * What the window measures on, and changing it: other data (a folder or file read through {@link DataLoader}),
 * the model's input settings, or the train/evaluation split. The new inputs are prepared off the FX thread
 * (reading with progress, cancellable; hashing), then the lane gets a measurer of them, and only then does the
 * window start over from a new baseline. Anything that fails leaves the window as it was, with a message.
 */
public final class InputsViewModel {
    /** Prepares new inputs off the FX thread; cancelling the token stops reading at the next image. */
    @FunctionalInterface
    private interface Preparation {
        ModelInputs prepare(ModelInputs current, CancelToken token) throws Exception;
    }

    private final MeasuringSession session;
    private final WorkbenchViewModel workbench;
    private final Function<ModelInputs, PointMeasurer> measurers;
    private final Executor background;
    private final Executor fxThread;
    private final ObjectProperty<ModelInputs> inputs = new SimpleObjectProperty<>();
    private final JobState job;
    private final List<Runnable> beforeStartingOver = new ArrayList<>();
    private CancelToken token;

    /**
     * @param initial   what the window measures on at first (its session measures it already)
     * @param measurers makes a measurer of new inputs; called on the lane
     * @param background where data is read (not the lane: reading does not wait for measurements)
     */
    public InputsViewModel(ModelInputs initial, MeasuringSession session, WorkbenchViewModel workbench,
                           Function<ModelInputs, PointMeasurer> measurers, Executor background, Executor fxThread) {
        this.inputs.set(initial);
        this.session = session;
        this.workbench = workbench;
        this.measurers = measurers;
        this.background = background;
        this.fxThread = fxThread;
        this.job = new JobState(fxThread, message -> workbench.errorProperty().set(message), describe(initial));
    }

    /** Runs before the window starts over (for example: stop the jobs of other tabs, which measure the old inputs). */
    public void beforeStartingOver(Runnable action) {
        beforeStartingOver.add(action);
    }

    /** Reads the data at {@code path} (a folder, or a file the loader takes) and starts over on it. */
    public void openData(Path path) {
        ModelSettings before = inputs.get().settings();
        prepare("Reading " + path + "…", (current, t) -> {
            LabeledImages data = new DataLoader(current.settings()).load(path, progressOf(t));
            t.check();
            ModelInputs next = current.withData(data, data.name(), path.toAbsolutePath().toString(),
                    trainingBeside(path, data.name()));
            List<String> named = folderClassNames(path, current);
            return named == null ? next : next.withSettings(next.settings().withClassNames(named));
        }, next -> {
            if (!next.settings().equals(before)) { // named by the folders
                remember(next);
            }
        });
    }

    /** The training files beside an idx folder's t10k files; else none, saying what the user can do. */
    private static TrainingData trainingBeside(Path path, String dataName) {
        if (java.nio.file.Files.isDirectory(path) && ImageFolder.idxTrainingImages(path) != null) {
            return TrainingData.besideIdx(path);
        }
        return ModelInputs.notSplit(dataName);
    }

    /**
     * The class folders' names, when the model names its classes only "class 0", "class 1"... and the folders
     * name one class each (not by number); else null.
     */
    private static List<String> folderClassNames(Path path, ModelInputs current) {
        ModelSettings settings = current.settings();
        if (!settings.classNames().equals(ModelSettings.of(current.weights().spec()).classNames())
                || !java.nio.file.Files.isDirectory(path) || !ImageFolder.looksLikeOne(path)) {
            return null;
        }
        try {
            List<String> names = ImageFolder.classNames(path);
            boolean numbered = names.stream().anyMatch(n -> n.matches("\\d{1,4}"));
            return !numbered && names.size() == settings.classNames().size() ? names : null;
        } catch (org.paretowb.models.data.DatasetException e) {
            return null;
        }
    }

    /**
     * Applies the model's input settings: the data is read again with them (normalisation), the window starts
     * over, and the workspace remembers them for this model.
     */
    public void applySettings(ModelSettings settings) {
        if (settings.equals(inputs.get().settings())) {
            if (inputs.get().normalisationAssumed()) { // OK on the settings as they were: the user confirms them
                ModelInputs confirmed = inputs.get().confirmed();
                inputs.set(confirmed);
                remember(confirmed);
                job.statusProperty().set("The normalisation (" + settings.normalisation().describe()
                        + ") is confirmed. " + describe(confirmed));
                return;
            }
            job.statusProperty().set("The input settings are unchanged. " + describe(inputs.get()));
            return;
        }
        prepare("Reading the data again with the new input settings…",
                (current, t) -> current.withSettings(settings).confirmed(), this::remember);
    }

    /** Splits the data anew and starts over on its evaluation part. */
    public void applySplit(DataSplit split) {
        if (split.equals(inputs.get().split())) {
            job.statusProperty().set("The split is unchanged. " + describe(inputs.get()));
            return;
        }
        prepare("Splitting the data (" + split.describe() + ")…", (current, t) -> current.withSplit(split), next -> { });
    }

    /** Stops reading data (the window goes on with what it has). */
    public void cancel() {
        if (token != null) {
            token.cancel();
        }
    }

    private void prepare(String what, Preparation preparation, java.util.function.Consumer<ModelInputs> afterwards) {
        cancel();
        CancelToken t = new CancelToken();
        token = t;
        job.progress(-1);
        ModelInputs current = inputs.get();
        CompletableFuture<ModelInputs> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return preparation.prepare(current, t);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background);
        LaneTask.<ModelInputs>of("Reading the data", job)
                .whenCancelledSay(". " + describe(current))
                .whenFailedSay("\n\nThe window goes on with " + current.dataTitle() + " and keeps its points.")
                .onSucceeded(next -> {
                    if (token == t) { // not superseded by a newer request
                        token = null;
                        startOver(next, afterwards);
                    }
                })
                .start(what, reading, t::cancel);
    }

    /** Gives the session measurers of {@code next}; once they are ready, the window starts over on them. */
    private void startOver(ModelInputs next, java.util.function.Consumer<ModelInputs> afterwards) {
        if (next.evaluation().size() == 0) { // nothing to measure yet (a model the built-in data does not fit)
            inputs.set(next);
            afterwards.accept(next);
            job.statusProperty().set("No data to measure on yet: open a data folder.");
            return;
        }
        beforeStartingOver.forEach(Runnable::run);
        MeasuringSession.Handle<MeasuringSession.Stamp> replaced = session.replace(next.context(),
                () -> measurers.apply(next));
        LaneTask.<MeasuringSession.Stamped<MeasuringSession.Stamp>>of("Starting the engine on " + next.dataTitle(), job)
                .whenFailedSay("\n\nThe window goes on as it was.")
                .onSucceeded(stamp -> {
                    inputs.set(next);
                    workbench.startOver(next.modelTitle(), next.dataTitle(), next.context());
                    afterwards.accept(next);
                    job.progress(0);
                    job.statusProperty().set(describe(next));
                })
                .start("Starting the engine on " + next.dataTitle() + "…", replaced.result(), null);
    }

    /** The workspace remembers the settings for this model (by its weights' hash). */
    private void remember(ModelInputs next) {
        workbench.history().saveSettings(next.modelHash(), next.settings());
    }

    /** Reports reading progress to the FX thread (at most one update waiting there) and stops when cancelled. */
    private ImageFolder.Progress progressOf(CancelToken t) {
        AtomicLong latest = new AtomicLong();
        AtomicBoolean waiting = new AtomicBoolean();
        return (done, total) -> {
            t.check();
            latest.set((long) done << 32 | total);
            if (waiting.compareAndSet(false, true)) {
                fxThread.execute(() -> {
                    waiting.set(false);
                    long now = latest.get();
                    int d = (int) (now >>> 32);
                    int n = (int) now;
                    if (token == t && n > 0) {
                        job.progress(d / (double) n);
                        job.statusProperty().set(String.format(Locale.ROOT, "Reading images: %,d of %,d", d, n));
                    }
                });
            }
        };
    }

    private static String describe(ModelInputs in) {
        return "Measuring on " + in.dataTitle() + ".";
    }

    public ReadOnlyObjectProperty<ModelInputs> inputsProperty() {
        return inputs;
    }

    public ModelInputs inputs() {
        return inputs.get();
    }

    /** Whether data is being read or the engine prepared for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    /** Whether Cancel can stop what runs (reading can be stopped; preparing the engine cannot). */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return job.cancellableProperty();
    }

    /** Share of the images read, 0 to 1; -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return job.statusProperty();
    }
}
