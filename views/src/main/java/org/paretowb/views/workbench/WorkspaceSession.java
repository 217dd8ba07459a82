package org.paretowb.views.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.store.WorkspaceException;

/**
 * The window's open workspace: where every point is saved the moment it is measured, for the model and
 * data loaded now (a workspace may also hold other models' points; they are kept, not shown). Failing
 * operations throw {@link WorkspaceException} and leave the open workspace as it was. Every call reaches SQLite,
 * which may wait up to 10 s for another process's lock: call it off the FX thread (the window's history does,
 * on its workspace thread); by default a call on the FX thread is refused.
 */
public final class WorkspaceSession implements AutoCloseable {
    private PointContext context;
    private final RecentWorkspaces recent;
    private final Supplier<Map<String, String>> environment;
    private final Runnable guard;
    private Workspace workspace;

    /** Refuses the FX thread: a workspace call there could freeze the window for seconds. */
    public static final Runnable NOT_ON_FX_THREAD = () -> {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the workspace (SQLite) was called on the FX thread");
        }
    };

    public WorkspaceSession(PointContext context, RecentWorkspaces recent, Supplier<Map<String, String>> environment) {
        this(context, recent, environment, NOT_ON_FX_THREAD);
    }

    /** @param guard runs before every call into SQLite (a test may count the calls made on the FX thread) */
    public WorkspaceSession(PointContext context, RecentWorkspaces recent, Supplier<Map<String, String>> environment,
                            Runnable guard) {
        this.context = context;
        this.recent = recent;
        this.environment = environment;
        this.guard = guard;
    }

    public PointContext context() {
        return context;
    }

    /** Saves and shows the points of other inputs from now on (the window started over on them). */
    public void switchTo(PointContext newContext) {
        this.context = newContext;
    }

    /** The input settings the open workspace remembers for the model with this hash, if any. */
    public java.util.Optional<ModelSettings> settings(String modelHash) {
        return requireOpen().settings(modelHash);
    }

    /** Remembers a model's input settings in the open workspace. */
    public void saveSettings(String modelHash, ModelSettings settings) {
        requireOpen().saveSettings(modelHash, settings);
    }

    public RecentWorkspaces recent() {
        return recent;
    }

    /** The open workspace's file; null before one is opened. */
    public Path file() {
        return workspace == null ? null : workspace.file();
    }

    /** Opens an existing workspace, or creates one where no file is; the previous one closes only on success. */
    public void open(Path file) {
        Workspace opened = Workspace.open(file, guard);
        close();
        workspace = opened;
        recent.opened(opened.file());
    }

    /** Creates a new, empty workspace; an existing file is never replaced. */
    public void create(Path file) {
        if (Files.exists(file)) {
            throw new WorkspaceException(file.toAbsolutePath() + " already exists; choose another name, or open it");
        }
        open(file);
    }

    /** Copies the open workspace to {@code file} and continues in the copy. */
    public void saveAs(Path file) {
        requireOpen().copyTo(file);
        open(file);
    }

    /** This model's points in the open workspace, oldest first. */
    public List<EvaluatedPoint> points() {
        return requireOpen().points(context).stream().map(StoredPoint::point).toList();
    }

    /** How many points of other models or data the open workspace holds (counted by SQLite, not read). */
    public int otherPoints() {
        return requireOpen().otherPoints(context);
    }

    /** Saves a point measured on the inputs of {@code measuredOn}; committed when this returns, with its id. */
    public EvaluatedPoint save(PointContext measuredOn, Recipe recipe, Measurement measurement) {
        return requireOpen().add(measuredOn, recipe, measurement, "", environment.get()).point();
    }

    public void rename(int id, String name) {
        requireOpen().rename(id, name);
    }

    public void delete(int id) {
        requireOpen().delete(id);
    }

    public boolean isOpen() {
        return workspace != null;
    }

    private Workspace requireOpen() {
        if (workspace == null) {
            throw new WorkspaceException("no workspace is open");
        }
        return workspace;
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
