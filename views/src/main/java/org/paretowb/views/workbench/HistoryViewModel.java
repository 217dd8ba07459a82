package org.paretowb.views.workbench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.store.PointContext;

/**
 * The window's points: every point of the inputs in use, the latest and the selected one, the frontier filter,
 * and the workspace they are saved in. The lists change on the FX thread; the workspace is only touched on
 * {@code io} (SQLite can wait seconds for another process's lock), and what it read or wrote comes back to the
 * FX thread. Points reach the history from every job through {@link #add}, saved under the inputs they were
 * measured on.
 */
public final class HistoryViewModel {
    private final WorkspaceIo io;
    private final Consumer<String> errors;
    private final Consumer<String> status;
    private final ObservableList<EvaluatedPoint> points = FXCollections.observableArrayList();
    private final FrontierFilter frontier = new FrontierFilter(points);
    private final ChartEngines chartEngines = new ChartEngines(points);
    private final ObjectProperty<EvaluatedPoint> latest = new SimpleObjectProperty<>();
    private final ObjectProperty<EvaluatedPoint> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> workspaceFile = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private WorkspaceSession workspace; // its calls run on io only
    private int nextId = 1;

    private Runnable afterShowing = () -> { };

    /**
     * @param io     the window's workspace thread (one at a time, in order)
     * @param errors where a failed workspace operation's message goes (a dialog)
     * @param status the window's status line
     */
    public HistoryViewModel(Executor fxThread, Executor io, Consumer<String> errors, Consumer<String> status) {
        this.io = new WorkspaceIo(fxThread, io, errors);
        this.errors = errors;
        this.status = status;
    }

    /** Runs after a workspace's points are shown (for example: measure the baseline where none is). */
    public void afterShowing(Runnable action) {
        this.afterShowing = action;
    }

    /** Saves every point from now on in {@code session}, opening it at {@code file} first (off the FX thread). */
    public void useWorkspace(WorkspaceSession session, Path file) {
        loading.set(true);
        io.run(() -> {
            session.open(file);
            return WorkspaceContents.of(session);
        }, contents -> {
            workspace = session;
            show(contents);
        }, ". Points are not saved until you open or create a workspace (File menu).", () -> {
            loading.set(false);
            if (workspace == null) {
                afterShowing.run(); // the window goes on without one
            }
        });
    }

    public void openWorkspace(Path file) {
        workspaceAction(() -> workspace.open(file));
    }

    public void newWorkspace(Path file) {
        workspaceAction(() -> workspace.create(file));
    }

    public void saveWorkspaceAs(Path file) {
        workspaceAction(() -> workspace.saveAs(file));
    }

    /** Reads the workspace again: points another window or process saved since appear. */
    public void refresh() {
        workspaceAction(() -> { });
    }

    /** Empties the history for other inputs, whose points the workspace then shows (if one is in use). */
    public void startOver(PointContext context) {
        nextId = 1;
        selected.set(null);
        latest.set(null);
        points.clear();
        if (workspace != null) {
            WorkspaceSession session = workspace;
            workspaceAction(() -> session.switchTo(context));
        } else {
            afterShowing.run();
        }
    }

    private void workspaceAction(Runnable action) {
        if (workspace == null) {
            errors.accept("No workspace is in use in this window.");
            return;
        }
        WorkspaceSession session = workspace;
        loading.set(true);
        io.run(() -> {
            action.run();
            return WorkspaceContents.of(session);
        }, this::show, "", () -> loading.set(false));
    }

    private void show(WorkspaceContents contents) {
        loading.set(false);
        EvaluatedPoint wasSelected = selected.get();
        points.setAll(contents.points());
        workspaceFile.set(contents.file());
        latest.set(null);
        selected.set(wasSelected == null ? null : points.stream().filter(p -> p.id() == wasSelected.id())
                .findFirst().orElse(null));
        status.accept(String.format(Locale.ROOT, "Workspace %s: %d point(s) of this model%s",
                contents.file().getFileName(), points.size(), contents.others() == 0 ? ""
                        : String.format(Locale.ROOT, " (and %d of other models or data, not shown)", contents.others())));
        afterShowing.run();
    }

    /**
     * Adds a point measured on {@code measuredOn}'s inputs as the latest, saved to the workspace first (off the FX
     * thread) under those inputs. A point that cannot be saved is still shown (with a negative id) and the error
     * says why.
     *
     * @return the point as shown, once it is
     */
    public CompletableFuture<EvaluatedPoint> add(Recipe recipe, Measurement measurement, MeasuringSession.Stamp measuredOn) {
        CompletableFuture<EvaluatedPoint> shown = new CompletableFuture<>();
        if (workspace == null) {
            shown.complete(show(new EvaluatedPoint(nextId++, recipe, measurement)));
            return shown;
        }
        WorkspaceSession session = workspace;
        io.run(() -> session.save(measuredOn.context(), recipe, measurement), point -> shown.complete(show(point)),
                ". The point is shown but not saved.", () -> {
            if (!shown.isDone()) {
                shown.complete(show(new EvaluatedPoint(-nextId++, recipe, measurement)));
            }
        });
        return shown;
    }

    private EvaluatedPoint show(EvaluatedPoint point) {
        points.add(point);
        latest.set(point);
        return point;
    }

    /** Removes the selected point (the baseline stays) once the workspace has. */
    public void deleteSelected() {
        EvaluatedPoint point = selected.get();
        if (point == null || point.baseline()) {
            return;
        }
        changeSaved(session -> session.delete(point.id()), () -> {
            points.remove(point);
            if (latest.get() == point) {
                latest.set(null);
            }
            selected.set(null);
            status.accept("Deleted point #" + point.id());
        });
    }

    /** Gives the selected point a name (blank clears it) once the workspace has. */
    public void renameSelected(String name) {
        EvaluatedPoint point = selected.get();
        if (point == null) {
            return;
        }
        EvaluatedPoint renamed = point.named(name);
        changeSaved(session -> session.rename(point.id(), renamed.name()), () -> {
            int at = points.indexOf(point);
            if (at >= 0) {
                points.set(at, renamed);
            }
            if (latest.get() == point) {
                latest.set(renamed);
            }
            selected.set(renamed);
        });
    }

    /** The workspace remembers a model's input settings (by its weights' hash). */
    public void saveSettings(String modelHash, ModelSettings settings) {
        if (workspace != null) {
            WorkspaceSession session = workspace;
            io.run(() -> {
                session.saveSettings(modelHash, settings);
                return settings;
            }, saved -> { }, " (the input settings apply, but are not remembered)", () -> { });
        }
    }

    private void changeSaved(Consumer<WorkspaceSession> change, Runnable shown) {
        if (workspace == null) {
            shown.run();
            return;
        }
        WorkspaceSession session = workspace;
        io.run(() -> {
            change.accept(session);
            return session;
        }, done -> shown.run(), "", () -> { });
    }

    /** Shows a point measured mid-job (a student after an epoch) as the latest, without keeping it. */
    public void showInterim(Recipe recipe, Measurement measurement, String label) {
        latest.set(new EvaluatedPoint(0, recipe, measurement, label));
    }

    /** Removes an interim point a job left on the charts (cancelled or failed job). */
    public void dropInterim() {
        if (latest.get() != null && latest.get().id() == 0) {
            latest.set(null);
        }
    }

    /** Closes the workspace, on its thread, after what is queued there. */
    public void close() {
        if (workspace != null) {
            io.later(workspace::close);
        }
    }

    /** The workspace in use, if any (its context and recent list; its SQLite calls belong on the workspace thread). */
    public Optional<WorkspaceSession> workspace() {
        return Optional.ofNullable(workspace);
    }

    /** Whether a workspace operation is under way (its points are not shown yet). */
    public boolean loading() {
        return loading.get();
    }

    public boolean hasBaseline() {
        return points.stream().anyMatch(EvaluatedPoint::baseline);
    }

    /**
     * Whether a baseline was measured in {@code session} (this process): a baseline of an earlier session was timed
     * at another hour, perhaps on another machine, so each session measures its own before comparing.
     */
    public boolean hasBaselineOf(String session) {
        return points.stream().anyMatch(p -> p.baseline() && session.equals(p.measurement().how().session()));
    }

    public ObservableList<EvaluatedPoint> points() {
        return points;
    }

    /** The points the history table shows (all, or the frontier only). */
    public ObservableList<EvaluatedPoint> shownPoints() {
        return frontier.shown();
    }

    /** Which engine's points the charts show. */
    public ChartEngines chartEngines() {
        return chartEngines;
    }

    public BooleanProperty frontierOnlyProperty() {
        return frontier.frontierOnlyProperty();
    }

    /** The point selected in the table or on a chart; null when none is. */
    public ObjectProperty<EvaluatedPoint> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<EvaluatedPoint> latestProperty() {
        return latest;
    }

    public ReadOnlyObjectProperty<Path> workspaceFileProperty() {
        return workspaceFile;
    }
}
