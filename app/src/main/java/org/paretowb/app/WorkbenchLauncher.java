package org.paretowb.app;

import javafx.application.Application;

/** Opens the workbench window; returns when it is closed. */
final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    static void launch() {
        Application.launch(WorkbenchApplication.class);
    }
}
