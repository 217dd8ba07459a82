package org.paretowb.views.workbench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.evaluate.MeasuringLane;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.lane.ComputeLane;

/**
 * State of the main window: the knob values, every evaluated point, and what is running.
 * Its properties are changed on the FX thread only; engine results arrive through {@code fxThread}.
 */
public final class WorkbenchViewModel {
    public static final double MAX_SPARSITY_PERCENT = 95;
    public static final double MAX_STRUCTURED_PERCENT = 90;

    private final MeasuringLane lane;
    private final Executor fxThread;
    private final DoubleProperty sparsityPercent = new SimpleDoubleProperty(0);
    private final DoubleProperty structuredPercent = new SimpleDoubleProperty(0);
    private final ObjectProperty<StructuredPruningSettings.Norm> structuredNorm =
            new SimpleObjectProperty<>(StructuredPruningSettings.Norm.L1);
    private final ObjectProperty<QuantizationSettings.Mode> quantMode =
            new SimpleObjectProperty<>(QuantizationSettings.Mode.OFF);
    private final ObjectProperty<Integer> quantBits = new SimpleObjectProperty<>(8);
    private final BooleanProperty perChannel = new SimpleBooleanProperty(true);
    private final BooleanProperty symmetric = new SimpleBooleanProperty(true);
    private final ObjectProperty<Integer> calibrationImages = new SimpleObjectProperty<>(CALIBRATION_IMAGES);
    private final DoubleProperty lowRankPercent = new SimpleDoubleProperty(100);
    private final ObjectProperty<Int8Layers> int8Layers = new SimpleObjectProperty<>(Int8Layers.WHERE_IT_PAYS);
    private final Int8LayerChoice int8Choice = new Int8LayerChoice(int8Layers, quantMode);
    private final ObservableList<EvaluatedPoint> points = FXCollections.observableArrayList();
    private final ChartEngines chartEngines = new ChartEngines(points);
    private final ObjectProperty<EvaluatedPoint> latest = new SimpleObjectProperty<>();
    private final ObjectProperty<EvaluatedPoint> selected = new SimpleObjectProperty<>();
    private final BooleanProperty frontierOnly = new SimpleBooleanProperty();
    private final FilteredList<EvaluatedPoint> shownPoints = new FilteredList<>(points);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final StringProperty modelTitle = new SimpleStringProperty();
    private final StringProperty dataTitle = new SimpleStringProperty();
    private final IntegerProperty liveSamples = new SimpleIntegerProperty(DEFAULT_LIVE_SAMPLES);
    private final Deque<KnobState> undo = new ArrayDeque<>();
    private final Deque<KnobState> redo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private KnobState committed;
    private boolean restoring;
    private int nextId = 1;
    private int inFlight;
    private int generation; // raised when the window starts over: results of older work are dropped
    private WorkspaceSession workspace;
    private PointExporter exporter;
    private ReportExporter reports;
    private java.util.function.Consumer<java.nio.file.Path> modelOpener;
    private final ObjectProperty<java.nio.file.Path> workspaceFile = new SimpleObjectProperty<>();

    /** Knob changes are measured on the first this many evaluation images; "measure on full set" on all. */
    public static final int DEFAULT_LIVE_SAMPLES = 1000;

    public WorkbenchViewModel(MeasuringLane lane, Executor fxThread, String modelTitle, String dataTitle) {
        points.addListener((ListChangeListener<EvaluatedPoint>) change -> filter());
        frontierOnly.addListener((obs, was, now) -> filter());
        this.lane = lane;
        this.fxThread = fxThread;
        this.modelTitle.set(modelTitle);
        this.dataTitle.set(dataTitle);
    }

    /**
     * Starts and warms up the engine, then measures the unchanged model: the baseline point (unless the
     * open workspace already holds one for this model, whose points are then shown as they were).
     */
    public void start() {
        lane.start();
        committed = KnobState.of(this);
        if (points.stream().anyMatch(EvaluatedPoint::baseline)) {
            status.set("Starting the engine; " + points.size() + " point(s) from " + workspaceFile.get().getFileName());
            return;
        }
        status.set("Starting the engine, warming up and measuring the baseline…");
        track(Recipe.BASELINE, lane.measure(Recipe.BASELINE, liveSamples.get()));
    }

    /**
     * Starts over on other inputs (the model's new settings, other data), which the lane measures already
     * ({@link MeasuringLane#replace}): the knobs go back to their defaults, the undo history and the points are
     * cleared, and the baseline is measured again, unless the workspace already holds points of these inputs
     * (then they are shown). Results of work begun before this call are dropped.
     *
     * @param context what points are saved under from now on (the workspace's session switches to it)
     */
    public void startOver(String newModelTitle, String newDataTitle, org.paretowb.services.store.PointContext context) {
        generation++;
        lane.cancel();
        restoring = true;
        try {
            KnobState.defaults().applyTo(this);
        } finally {
            restoring = false;
        }
        undo.clear();
        redo.clear();
        updateUndoState();
        committed = KnobState.of(this);
        nextId = 1;
        modelTitle.set(newModelTitle);
        dataTitle.set(newDataTitle);
        selected.set(null);
        latest.set(null);
        points.clear();
        if (workspace != null) {
            workspace.switchTo(context);
            showWorkspace();
            return;
        }
        status.set("Measuring the new baseline on " + newDataTitle + "…");
        track(Recipe.BASELINE, lane.measure(Recipe.BASELINE, liveSamples.get()));
    }

    /**
     * Saves every point from now on in {@code session}'s workspace and shows that workspace's points for
     * this model (opened beforehand by the caller). Call before {@link #start()}.
     */
    public void useWorkspace(WorkspaceSession session) {
        this.workspace = session;
        showWorkspace();
    }

    /** Opens (or creates) the workspace at {@code file}; false, with the reason in the error, when it cannot. */
    public boolean openWorkspace(java.nio.file.Path file) {
        return workspaceAction(() -> workspace.open(file));
    }

    /** Creates a new, empty workspace at {@code file} and continues in it. */
    public boolean newWorkspace(java.nio.file.Path file) {
        return workspaceAction(() -> workspace.create(file));
    }

    /** Copies the workspace to {@code file} and continues in the copy. */
    public boolean saveWorkspaceAs(java.nio.file.Path file) {
        return workspaceAction(() -> workspace.saveAs(file));
    }

    /** Reads the workspace again: points another window or process saved since appear. */
    public boolean refresh() {
        return workspaceAction(() -> { });
    }

    private boolean workspaceAction(Runnable action) {
        if (workspace == null) {
            error.set("No workspace is in use in this window.");
            return false;
        }
        try {
            action.run();
            showWorkspace();
            return true;
        } catch (org.paretowb.services.store.WorkspaceException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    private void showWorkspace() {
        EvaluatedPoint wasSelected = selected.get();
        points.setAll(workspace.points());
        int others = workspace.otherPoints();
        workspaceFile.set(workspace.file());
        latest.set(null);
        selected.set(wasSelected == null ? null : points.stream().filter(p -> p.id() == wasSelected.id()).findFirst()
                .orElse(null));
        status.set(String.format(Locale.ROOT, "Workspace %s: %d point(s) of this model%s", workspace.file().getFileName(),
                points.size(), others == 0 ? "" : String.format(Locale.ROOT, " (and %d of other models or data, not"
                        + " shown)", others)));
        if (points.stream().noneMatch(EvaluatedPoint::baseline) && committed != null) {
            track(Recipe.BASELINE, lane.measure(Recipe.BASELINE, liveSamples.get()));
        }
    }

    public ReadOnlyObjectProperty<java.nio.file.Path> workspaceFileProperty() {
        return workspaceFile;
    }

    /** The workspace in use, if any (for the recent list and the report). */
    public java.util.Optional<WorkspaceSession> workspace() {
        return java.util.Optional.ofNullable(workspace);
    }

    /**
     * Measures the recipe the knobs describe now on the live subset; a newer call cancels this one. The
     * knob values are kept for undo. Ignored while undo, redo or "apply" is setting several knobs at once.
     */
    public void measureCurrent() {
        if (restoring) {
            return;
        }
        KnobState now = KnobState.of(this);
        if (committed != null && !committed.equals(now)) {
            undo.push(committed);
            redo.clear();
        }
        committed = now;
        updateUndoState();
        measure();
    }

    private void measure() {
        Recipe recipe = currentRecipe();
        status.set("Measuring " + recipe.summary() + "…");
        track(recipe, lane.measureLatest(recipe, liveSamples.get()));
    }

    /** Puts the knobs back as they were before the last change, and measures that. */
    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(KnobState.of(this));
            restore(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(KnobState.of(this));
            restore(redo.pop());
        }
    }

    private void restore(KnobState state) {
        restoring = true;
        try {
            state.applyTo(this);
        } finally {
            restoring = false;
        }
        committed = state;
        updateUndoState();
        measure();
    }

    private void updateUndoState() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /** Loads the selected point's recipe into the knobs (an undoable change) and measures it. */
    public void applySelected() {
        EvaluatedPoint point = selected.get();
        if (point == null) {
            return;
        }
        undo.push(KnobState.of(this));
        redo.clear();
        restore(KnobState.of(point.recipe()));
    }

    /** Measures the selected point's recipe again on the whole evaluation set; a new point, marked as such. */
    public void measureSelectedOnFullSet() {
        EvaluatedPoint point = selected.get();
        if (point == null) {
            return;
        }
        status.set("Measuring " + point.recipe().summary() + " on the whole evaluation set…");
        track(point.recipe(), lane.measure(point.recipe(), 0));
    }

    /** Removes the selected point; the baseline stays. */
    public void deleteSelected() {
        EvaluatedPoint point = selected.get();
        if (point == null || point.baseline()) {
            return;
        }
        if (!saved(() -> workspace.delete(point.id()))) {
            return;
        }
        points.remove(point);
        if (latest.get() == point) {
            latest.set(null);
        }
        selected.set(null);
        status.set("Deleted point #" + point.id());
    }

    /** Gives the selected point a name (blank clears it). */
    public void renameSelected(String name) {
        EvaluatedPoint point = selected.get();
        if (point == null) {
            return;
        }
        EvaluatedPoint renamed = point.named(name);
        if (!saved(() -> workspace.rename(point.id(), renamed.name()))) {
            return;
        }
        points.set(points.indexOf(point), renamed);
        if (latest.get() == point) {
            latest.set(renamed);
        }
        selected.set(renamed);
    }

    /** Who writes a point's network to a file (the application); null: export is not offered. */
    public void setExporter(PointExporter exporter) {
        this.exporter = exporter;
    }

    /** Exports the selected point's network to {@code file} and loads it back; the result goes to the status line. */
    public void exportSelected(java.nio.file.Path file) {
        EvaluatedPoint point = selected.get();
        if (point == null || exporter == null) {
            return;
        }
        status.set("Exporting point #" + point.id() + " to " + file.getFileName() + " and loading it back…");
        inFlight++;
        busy.set(true);
        exporter.export(point, file).whenComplete((message, failure) -> fxThread.execute(() -> {
            inFlight--;
            busy.set(inFlight > 0);
            Throwable cause = ComputeLane.causeOf(failure);
            if (cause != null) {
                status.set("Export failed");
                error.set("Could not export point #" + point.id() + " to " + file + ": " + describe(cause)
                        + ". Nothing was written there.");
            } else {
                status.set(message);
            }
        }));
    }

    /** Who opens a model file (the application, in a new window); null: File › Open model only explains. */
    public void setModelOpener(java.util.function.Consumer<java.nio.file.Path> opener) {
        this.modelOpener = opener;
    }

    /** The model opener, if the application gave one. */
    public java.util.Optional<java.util.function.Consumer<java.nio.file.Path>> modelOpener() {
        return java.util.Optional.ofNullable(modelOpener);
    }

    /** Who writes reports (the application); null: reports are not offered. */
    public void setReportExporter(ReportExporter reports) {
        this.reports = reports;
    }

    /** Which points a report covers. */
    public enum ReportScope { ALL, FRONTIER, SELECTED }

    /** Writes a report of the chosen points to {@code file} (.html, .pdf, .csv or .json) in the background. */
    public void exportReport(ReportScope scope, java.nio.file.Path file) {
        if (reports == null) {
            return;
        }
        java.util.List<EvaluatedPoint> all = java.util.List.copyOf(points);
        java.util.List<EvaluatedPoint> chosen = switch (scope) {
            case ALL -> all;
            case FRONTIER -> org.paretowb.models.pareto.Frontiers.latencyOrSize(all);
            case SELECTED -> selected.get() == null ? java.util.List.of() : java.util.List.of(selected.get());
        };
        if (chosen.isEmpty()) {
            error.set("No points to report on: " + (scope == ReportScope.SELECTED ? "select a point first."
                    : "measure some first."));
            return;
        }
        status.set("Writing the report of " + chosen.size() + " point(s) to " + file.getFileName() + "…");
        inFlight++;
        busy.set(true);
        reports.export(chosen, all, file).whenComplete((message, failure) -> fxThread.execute(() -> {
            inFlight--;
            busy.set(inFlight > 0);
            Throwable cause = ComputeLane.causeOf(failure);
            if (cause != null) {
                status.set("Report failed");
                error.set("Could not write the report " + file + ": " + describe(cause) + ". Nothing was written there.");
            } else {
                status.set(message);
            }
        }));
    }

    /** Cancels the measurement in flight, if any. */
    public void cancel() {
        lane.cancel();
    }

    public Recipe currentRecipe() {
        StructuredPruningSettings structured = new StructuredPruningSettings(
                fraction(structuredPercent.get(), MAX_STRUCTURED_PERCENT), structuredNorm.get());
        PruningSettings pruning = new PruningSettings(fraction(sparsityPercent.get(), MAX_SPARSITY_PERCENT));
        double kept = Math.round(Math.max(5, Math.min(100, lowRankPercent.get())) * 10) / 1000.0;
        return new Recipe(DistillationSettings.NONE, structured, new LowRankSettings(kept), pruning, FineTuneSettings.NONE,
                quantization());
    }

    /** The knobs' recipe with static int8 where it pays instead of their quantization: what the int8 view profiles. */
    public Recipe staticInt8Recipe() {
        Recipe r = currentRecipe();
        return new Recipe(r.distillation(), r.structured(), r.lowRank(), r.pruning(), r.fineTune(),
                new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, CALIBRATION_IMAGES,
                        QuantizationSettings.Observer.MIN_MAX, Int8Layers.WHERE_IT_PAYS));
    }

    /** Static mode calibrates on this many training images. */
    public static final int CALIBRATION_IMAGES = 1000;

    private QuantizationSettings quantization() {
        QuantizationSettings.Mode mode = quantMode.get();
        if (mode == QuantizationSettings.Mode.OFF) {
            return QuantizationSettings.NONE;
        }
        return new QuantizationSettings(mode, quantBits.get(), perChannel.get(), symmetric.get(),
                mode == QuantizationSettings.Mode.STATIC ? calibrationImages.get() : 0,
                QuantizationSettings.Observer.MIN_MAX, int8Layers.get());
    }

    /** A knob's percentage as a fraction, clamped to its range and rounded to 0.1 percent. */
    private static double fraction(double percent, double max) {
        return Math.round(Math.max(0, Math.min(max, percent)) * 10) / 1000.0;
    }

    private void track(Recipe recipe, CompletableFuture<Measurement> work) {
        inFlight++;
        busy.set(true);
        int startedIn = generation;
        work.whenComplete((measurement, failure) -> fxThread.execute(() ->
                finished(recipe, measurement, failure, startedIn)));
    }

    private void finished(Recipe recipe, Measurement measurement, Throwable failure, int startedIn) {
        inFlight--;
        busy.set(inFlight > 0);
        if (startedIn != generation) {
            return; // measured on the inputs before the window started over
        }
        Throwable cause = ComputeLane.causeOf(failure);
        if (cause instanceof CancelledException) {
            if (inFlight == 0) {
                status.set("Cancelled");
            }
            return;
        }
        if (cause != null) {
            status.set("Measurement failed");
            error.set("Could not measure " + recipe.summary() + ": " + describe(cause));
            return;
        }
        EvaluatedPoint point = addPoint(recipe, measurement);
        if (inFlight == 0) {
            status.set(String.format(Locale.ROOT, "Point #%d, %s: %.2f%% top-1 on %,d images%s", point.id(),
                    recipe.summary(), measurement.accuracy() * 100, measurement.samples(),
                    measurement.how().subset() ? " (live subset)" : ""));
        }
    }

    /**
     * Shows a point measured mid-job (a student after an epoch) as the latest, without keeping it in the
     * history: the next interim or finished point replaces it.
     */
    public void showInterim(Recipe recipe, Measurement measurement, String label) {
        latest.set(new EvaluatedPoint(0, recipe, measurement, label));
    }

    /** Removes an interim point a job left on the charts (cancelled or failed job). */
    public void dropInterim() {
        if (latest.get() != null && latest.get().id() == 0) {
            latest.set(null);
        }
    }

    /**
     * Adds a point measured elsewhere (a training job) as the latest, saving it to the workspace first. A
     * point that cannot be saved is still shown (with a negative id) and the error says why.
     */
    public EvaluatedPoint addPoint(Recipe recipe, Measurement measurement) {
        EvaluatedPoint point = null;
        if (workspace != null) {
            try {
                point = workspace.save(recipe, measurement);
            } catch (org.paretowb.services.store.WorkspaceException e) {
                error.set(e.getMessage() + ". The point is shown but not saved.");
            }
        }
        if (point == null) {
            point = new EvaluatedPoint(workspace == null ? nextId++ : -nextId++, recipe, measurement);
        }
        points.add(point);
        latest.set(point);
        return point;
    }

    /** Runs a change on the workspace (when one is in use); false, with the reason in the error, when it failed. */
    private boolean saved(Runnable change) {
        if (workspace == null) {
            return true;
        }
        try {
            change.run();
            return true;
        } catch (org.paretowb.services.store.WorkspaceException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    public IntegerProperty liveSamplesProperty() {
        return liveSamples;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public DoubleProperty sparsityPercentProperty() {
        return sparsityPercent;
    }

    public DoubleProperty structuredPercentProperty() {
        return structuredPercent;
    }

    public ObjectProperty<StructuredPruningSettings.Norm> structuredNormProperty() {
        return structuredNorm;
    }

    public ObjectProperty<QuantizationSettings.Mode> quantModeProperty() {
        return quantMode;
    }

    public ObjectProperty<Integer> quantBitsProperty() {
        return quantBits;
    }

    public BooleanProperty perChannelProperty() {
        return perChannel;
    }

    public BooleanProperty symmetricProperty() {
        return symmetric;
    }

    public ObjectProperty<Integer> calibrationImagesProperty() {
        return calibrationImages;
    }

    /** Parameters kept by low-rank factorization of the hidden dense layers, 5 to 100 (100: off). */
    public DoubleProperty lowRankPercentProperty() {
        return lowRankPercent;
    }

    public ObjectProperty<Int8Layers> int8LayersProperty() {
        return int8Layers;
    }

    /** The int8 layers knob's choices, the layers chosen by hand among them. */
    public Int8LayerChoice int8Choice() {
        return int8Choice;
    }

    public ObservableList<EvaluatedPoint> points() {
        return points;
    }

    /** Which engine's points the charts show. */
    public ChartEngines chartEngines() {
        return chartEngines;
    }

    /** With "frontier only", the points on the latency or the size frontier; else all of them. */
    private void filter() {
        if (!frontierOnly.get()) {
            shownPoints.setPredicate(null);
            return;
        }
        java.util.Set<EvaluatedPoint> front = new java.util.HashSet<>(
                org.paretowb.models.pareto.Frontiers.latencyOrSize(points));
        shownPoints.setPredicate(front::contains);
    }

    /** The points the history table shows (all, or the frontier only). */
    public ObservableList<EvaluatedPoint> shownPoints() {
        return shownPoints;
    }

    public BooleanProperty frontierOnlyProperty() {
        return frontierOnly;
    }

    /** The point selected in the table or on a chart; null when none is. */
    public ObjectProperty<EvaluatedPoint> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<EvaluatedPoint> latestProperty() {
        return latest;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
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
