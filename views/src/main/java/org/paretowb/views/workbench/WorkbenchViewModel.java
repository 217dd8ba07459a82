package org.paretowb.views.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.report.ReportScope;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.evaluate.LiveSet;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;
import org.paretowb.views.knobs.Knobs;

/**
 * The main window's measuring: the knobs' recipe measured when it changes (latest wins), the baseline, a point
 * again on the whole evaluation set, exports and reports, each a {@link LaneTask} on the window's
 * {@link MeasuringSession}; the points go to the {@link HistoryViewModel}. Changed on the FX thread only.
 */
public final class WorkbenchViewModel {
    /** Knob changes are measured on the first this many evaluation images; "measure on full set" on all. */
    public static final int DEFAULT_LIVE_SAMPLES = 1000;

    private final MeasuringSession session;
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final JobState jobs;
    private final HistoryViewModel history;
    private final Knobs knobs;
    private final StringProperty modelTitle = new SimpleStringProperty();
    private final StringProperty dataTitle = new SimpleStringProperty();
    private final IntegerProperty liveSamples = new SimpleIntegerProperty(DEFAULT_LIVE_SAMPLES);
    private boolean started;
    private boolean chooseLiveSet;
    private final StringProperty liveSet = new SimpleStringProperty("");
    private LaneTask<?> baseline;
    private final WorkbenchActions actions;
    private final SessionPoints measuredHere;
    private final RecipeFiles recipes;
    private final javafx.beans.property.DoubleProperty budgetLine = new javafx.beans.property.SimpleDoubleProperty(Double.NaN);

    /**
     * @param io where the workspace is read and written (not the FX thread: SQLite may wait seconds for a lock)
     * @param actions export, reports and opening a model ({@link WorkbenchActions#NONE}: not offered)
     */
    public WorkbenchViewModel(MeasuringSession session, Executor fxThread, Executor io, WorkbenchActions actions,
                              String modelTitle, String dataTitle) {
        this.session = session;
        this.actions = actions;
        this.jobs = new JobState(fxThread, error::set, "Ready");
        this.history = new HistoryViewModel(fxThread, io, error::set, jobs.statusProperty()::set);
        this.measuredHere = new SessionPoints(history, jobs);
        this.knobs = new Knobs(fxThread, this::measureLatest, recipe -> measuredHere.revisit(recipe, liveSamples.get()));
        this.modelTitle.set(modelTitle);
        this.dataTitle.set(dataTitle);
        history.afterShowing(this::measureBaselineIfMissing);
        StatusFollower.follow(history, jobs);
        this.recipes = new RecipeFiles(history, knobs, fxThread, io, jobs.statusProperty()::set, error::set);
    }

    /**
     * Starts and warms up the engine, then measures the unchanged model: the baseline point of this session (a
     * workspace's baseline of an earlier session is shown as it was, marked, but not compared with).
     */
    public void start() {
        started = true;
        MeasuringSession.Handle<MeasuringSession.Stamp> warmUp = session.start();
        LaneTask.<MeasuringSession.Stamp>measuring("Engine start", jobs, session)
                .onSucceeded(ready -> {
                    if (jobs.idle()) {
                        jobs.statusProperty().set(String.format(Locale.ROOT,
                                "Ready: engine warmed up; %d point(s) of this model%s", history.points().size(),
                                history.workspaceFileProperty().get() == null ? ""
                                        : " in " + history.workspaceFileProperty().get().getFileName()));
                    }
                })
                .start("Starting the engine and warming it up…", warmUp.result(), warmUp::cancel);
        if (!chooseLiveSet) {
            measureBaselineIfMissing();
            return;
        }
        // the baseline waits for the choice, so that it is measured on the images live points will use
        MeasuringSession.Handle<LiveSet> choice = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> LiveSet.choose(m.main(), DEFAULT_LIVE_SAMPLES, token));
        LaneTask.<LiveSet>measuring("Live set", jobs, session)
                .onSucceeded(result -> {
                    if (liveSamples.get() == DEFAULT_LIVE_SAMPLES) { // not if the user chose meanwhile
                        liveSamples.set(result.value().samples());
                    }
                    liveSet.set(result.value().reason());
                    jobs.statusProperty().set(result.value().reason());
                })
                .onEnded(this::measureBaselineIfMissing)
                .start("Timing full-set points to choose the live set…", choice.result(), choice::cancel);
    }

    /**
     * Before {@link #start()}: time full-set points once the engine is warm and make the full evaluation set the live
     * default where its p95 is within {@link LiveSet#BUDGET_MS} on this machine, else keep the subset.
     */
    public void chooseLiveSetOnStart() {
        chooseLiveSet = true;
    }

    /** What the live set is and why ("" until chosen). */
    public ReadOnlyStringProperty liveSetProperty() {
        return liveSet;
    }

    /**
     * Starts over on other inputs, which the session measures already ({@link MeasuringSession#replace}): the
     * knobs go back to their defaults, the undo history and the points are cleared, and the baseline is measured
     * again unless the workspace holds points of these inputs. Results of work begun before are dropped as stale.
     */
    public void startOver(String newModelTitle, String newDataTitle, PointContext context) {
        jobs.cancelAll();
        baseline = null;
        measuredHere.clear();
        knobs.reset();
        modelTitle.set(newModelTitle);
        dataTitle.set(newDataTitle);
        jobs.statusProperty().set("Measuring on " + newDataTitle);
        history.startOver(context);
    }

    private void measureBaselineIfMissing() {
        if (started && baseline == null && !history.loading()
                && !history.hasBaselineOf(org.paretowb.services.evaluate.SessionInfo.current().id())) {
            LaneTask<?> task = measure("Baseline", Recipe.BASELINE, MeasuringSession.Order.QUEUED, liveSamples.get(),
                    "Measuring the baseline on " + dataTitle.get() + "…");
            baseline = task;
            task.onEnded(() -> {
                if (baseline == task) { // not a newer baseline's, after the window started over
                    baseline = null;
                }
            });
        }
    }

    private void measureLatest(Recipe recipe) {
        measure("Measurement", recipe, MeasuringSession.Order.LATEST, liveSamples.get(),
                "Measuring " + recipe.summary() + "…");
    }

    /** Measures the selected point's recipe again on the whole evaluation set; a new point, marked as such. */
    public void measureSelectedOnFullSet() {
        EvaluatedPoint point = history.selectedProperty().get();
        if (point != null) {
            measure("Full-set measurement", point.recipe(), MeasuringSession.Order.QUEUED, 0,
                    "Measuring " + point.recipe().summary() + " on the whole evaluation set…");
        }
    }

    private LaneTask<MeasuringSession.Stamped<Measurement>> measure(String what, Recipe recipe,
                                                                   MeasuringSession.Order order, int samples,
                                                                   String starting) {
        MeasuringSession.Handle<Measurement> handle = session.submit(order,
                (m, token) -> m.main().measure(recipe, samples, token));
        return LaneTask.<Measurement>measuring(what, jobs, session)
                .onSucceeded(result -> history.add(recipe, result.value(), result.inputs())
                        .thenAccept(point -> measuredHere.add(point, samples)))
                .start(starting, handle.result(), handle::cancel);
    }

    /** Puts the selected point's recipe on the knobs (an undoable change) and measures it. */
    public void applySelected() {
        EvaluatedPoint point = history.selectedProperty().get();
        if (point != null) {
            knobs.apply(point.recipe());
        }
    }

    /** Exports the selected point's network to {@code file} and loads it back; the result goes to the status line. */
    public void exportSelected(Path file) {
        EvaluatedPoint point = history.selectedProperty().get();
        if (point == null || !actions.offered()) {
            return;
        }
        MeasuringSession.Handle<String> handle = actions.exportPoint(point, file);
        LaneTask.<String>measuring("Export of point #" + point.id() + " to " + file.getFileName(), jobs, session)
                .onSucceeded(result -> jobs.statusProperty().set(result.value()))
                .start("Exporting point #" + point.id() + " to " + file.getFileName() + " and loading it back…",
                        handle.result(), handle::cancel);
    }

    /** Whether the window exports, writes reports and opens models (a test's window may not). */
    public boolean offersFiles() {
        return actions.offered();
    }

    /** Opens a model file in a new window on the same workspace; a file that cannot be read is named in a dialog. */
    public void openModel(Path file) {
        if (!actions.offered()) {
            error.set("Opening a model is not offered in this window.");
            return;
        }
        LaneTask.<Void>of("Opening " + file.getFileName(), jobs)
                .onSucceeded(opened -> jobs.statusProperty().set("Opened " + file.getFileName() + " in a new window"))
                .start("Opening " + file.getFileName() + " in a new window…", actions.openModel(file), null);
    }

    /** Writes a report of the chosen points to {@code file} (.html, .pdf, .csv or .json) in the background. */
    public void exportReport(ReportScope scope, Path file) {
        if (!actions.offered()) {
            return;
        }
        List<EvaluatedPoint> all = List.copyOf(history.points());
        EvaluatedPoint selected = history.selectedProperty().get();
        List<EvaluatedPoint> chosen = scope.select(all, selected == null ? List.of() : List.of(selected));
        if (chosen.isEmpty()) {
            error.set("No points to report on: " + (scope == ReportScope.SELECTED ? "select a point first."
                    : "measure some first."));
            return;
        }
        LaneTask.<Long>of("Report " + file.getFileName(), jobs)
                .onSucceeded(bytes -> jobs.statusProperty().set(String.format(Locale.ROOT,
                        "Wrote the report of %d point(s) to %s (%,d bytes)", chosen.size(), file, bytes)))
                .start("Writing the report of " + chosen.size() + " point(s) to " + file.getFileName() + "…",
                        actions.writeReport(chosen, all, file), null);
    }

    /** Stops every job of the window's main panel (each at its next batch). */
    public void cancel() {
        jobs.cancelAll();
    }

    public Recipe currentRecipe() {
        return knobs.recipe();
    }

    /** The knobs' recipe with static int8 where it pays instead of their quantization: what the int8 view profiles. */
    public Recipe staticInt8Recipe() {
        return knobs.staticInt8Recipe();
    }

    public Knobs knobs() {
        return knobs;
    }

    /** Top-1 in percent at which the charts draw a search's accuracy budget (NaN: no line). */
    public javafx.beans.property.DoubleProperty budgetLineProperty() {
        return budgetLine;
    }

    /** Point › Save recipe… and File › Open recipe…. */
    public RecipeFiles recipes() {
        return recipes;
    }

    public HistoryViewModel history() {
        return history;
    }

    public JobState jobs() {
        return jobs;
    }

    public MeasuringSession session() {
        return session;
    }

    public IntegerProperty liveSamplesProperty() {
        return liveSamples;
    }

    public ReadOnlyStringProperty statusProperty() {
        return jobs.statusProperty();
    }

    /** A message for an error dialog; the view clears it once shown. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }

    public String modelTitle() {
        return modelTitle.get();
    }

    public String dataTitle() {
        return dataTitle.get();
    }

    public ReadOnlyStringProperty modelTitleProperty() {
        return modelTitle;
    }

    /** What the points are measured on now (it changes when the window starts over on other data). */
    public ReadOnlyStringProperty dataTitleProperty() {
        return dataTitle;
    }
}
