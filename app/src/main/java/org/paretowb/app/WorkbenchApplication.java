package org.paretowb.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.paretowb.models.network.Architecture;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.usecase.ModelSource;

/** The JavaFX application: the workbench on the example CNN. */
public final class WorkbenchApplication extends Application {
    private WorkbenchWindow window;

    @Override
    public void start(Stage stage) {
        WorkbenchWindow.open(ModelSource.example(Architecture.CNN), lastWorkspace(), stage)
                .thenAccept(opened -> window = opened);
    }

    /**
     * The workspace used last; on a first run, a fresh workspace of its own (named after the time it was made, beside
     * where the default one would be), never one that other windows or runs already filled with their points.
     */
    private static java.nio.file.Path lastWorkspace() {
        return RecentWorkspaces.forUser().last().orElseGet(() -> freshWorkspace(RecentWorkspaces.defaultWorkspace()
                .getParent(), java.time.LocalDateTime.now()));
    }

    /** A workspace file that does not exist yet in {@code folder} (created if missing), named after {@code now}. */
    static java.nio.file.Path freshWorkspace(java.nio.file.Path folder, java.time.LocalDateTime now) {
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException | RuntimeException e) {
            // the window reports the workspace it cannot open
        }
        String stem = "workspace-" + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
        java.nio.file.Path file = folder.resolve(stem + org.paretowb.services.store.Workspace.EXTENSION);
        for (int n = 2; java.nio.file.Files.exists(file); n++) {
            file = folder.resolve(stem + "-" + n + org.paretowb.services.store.Workspace.EXTENSION);
        }
        return file;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
