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

    /** The workspace used last, else the user's default one (created on first use). */
    private static java.nio.file.Path lastWorkspace() {
        java.nio.file.Path fallback = RecentWorkspaces.defaultWorkspace();
        try {
            java.nio.file.Files.createDirectories(fallback.getParent());
        } catch (java.io.IOException | RuntimeException e) {
            // the window reports the workspace it cannot open
        }
        return RecentWorkspaces.forUser().last().orElse(fallback);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
