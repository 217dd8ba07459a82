package org.paretowb.views.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.ModelSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.store.WorkspaceException;

/**
 * The window's open workspace: where every point is saved the moment it is measured, for the model and
 * data loaded now (a workspace may also hold other models' points; they are kept, not shown). Failing
 * operations throw {@link WorkspaceException} and leave the open workspace as it was.
 */
public final class WorkspaceSession implements AutoCloseable {
    private PointContext context;
    private final RecentWorkspaces recent;
    private final Supplier<Map<String, String>> environment;
    private Workspace workspace;

    public WorkspaceSession(PointContext context, RecentWorkspaces recent, Supplier<Map<String, String>> environment) {
        this.context = context;
        this.recent = recent;
        this.environment = environment;
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
        Workspace opened = Workspace.open(file);
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

    /** How many points of other models or data the open workspace holds. */
    public int otherPoints() {
        return requireOpen().points().size() - requireOpen().points(context).size();
    }

    /** Saves a point; committed when this returns, with the workspace's id. */
    public EvaluatedPoint save(Recipe recipe, Measurement measurement) {
        return requireOpen().add(context, recipe, measurement, "", environment.get()).point();
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
