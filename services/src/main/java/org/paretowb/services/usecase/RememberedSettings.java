package org.paretowb.services.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.store.WorkspaceException;

/**
 * A model with the input settings a workspace remembers for its weights (read before its window opens: SQLite may
 * wait seconds for another process's lock).
 *
 * @param source the model, with the remembered settings when {@code found}, else with its file's own
 * @param found whether the workspace remembered settings for the model
 * @param note what went wrong with remembered settings that do not fit the model; null when nothing did
 */
public record RememberedSettings(ModelSource source, boolean found, String note) {

    /** {@code source} with the settings {@code workspace} remembers for it (null or missing workspace: none). */
    public static RememberedSettings read(ModelSource source, Path workspace) {
        if (workspace == null || !Files.isRegularFile(workspace)) {
            return new RememberedSettings(source, false, null);
        }
        try (Workspace w = Workspace.open(workspace)) {
            return w.settings(ContentHash.of(source.weights()))
                    .map(settings -> new RememberedSettings(source.withStated(settings), true, null))
                    .orElse(new RememberedSettings(source, false, null));
        } catch (WorkspaceException e) {
            return new RememberedSettings(source, false, null); // the window reports the workspace it cannot open
        } catch (UserError e) {
            return new RememberedSettings(source, false, "The input settings " + workspace.getFileName()
                    + " remembers for this model do not fit it (" + e.getMessage() + "); the model file's are used.");
        }
    }

    /** Whether to ask the user for the settings: none were remembered and the model file stated none, or no normalisation. */
    public boolean askForSettings() {
        return !found && source.statesNothing();
    }
}
