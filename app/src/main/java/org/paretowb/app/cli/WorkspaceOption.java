package org.paretowb.app.cli;

import java.nio.file.Path;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import picocli.CommandLine.Option;

/** {@code --workspace W}: every measured point is also saved to that workspace, the moment it is measured. */
public final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "FILE",
            description = "Save every measured point to this workspace (created if missing; shared safely with other"
                    + " processes).")
    Path file;

    private Workspace workspace;

    public boolean given() {
        return file != null;
    }

    /** Opens (or creates) the workspace before any work starts, so a bad path fails first. */
    public void open() {
        if (file != null && workspace == null) {
            workspace = Workspace.open(file);
        }
    }

    /** Saves the point when a workspace was given; null otherwise. */
    public StoredPoint save(PointContext context, Recipe recipe, Measurement measurement) {
        if (file == null) {
            return null;
        }
        open();
        return workspace.add(context, recipe, measurement, "", Environment.current());
    }

    /** Saves a point measured elsewhere under an idempotent key (see {@link Workspace#add}); null without a workspace. */
    public StoredPoint save(PointContext context, Recipe recipe, Measurement measurement,
                            java.util.Map<String, String> environment, String key) {
        if (file == null) {
            return null;
        }
        open();
        return workspace.add(context, recipe, measurement, "", environment, key);
    }

    /** Whether the workspace holds a point saved under {@code key} (false without a workspace). */
    public boolean holds(String key) {
        if (file == null) {
            return false;
        }
        open();
        return workspace.pointWithKey(key).isPresent();
    }

    public void close() {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
