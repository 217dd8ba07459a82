package org.paretowb.app;

import javafx.application.Application;

/** Opens the workbench window; returns when it is closed. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void launch() {
        Application.launch(WorkbenchApplication.class);
    }
}
