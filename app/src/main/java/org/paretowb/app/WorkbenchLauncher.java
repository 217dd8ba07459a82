package org.paretowb.app;

import javafx.application.Application;

/** Opens the workbench window; returns when it is closed. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    /**
     * Opens the window, or says in one line on stderr what the machine lacks (GTK 3, a display) and exits with
     * code 2, before JavaFX can print a stack trace.
     */
    public static void launch() {
        DisplayCheck.here().problem().ifPresent(problem -> {
            System.err.println("paretowb: " + problem);
            System.exit(2);
        });
        try {
            Application.launch(WorkbenchApplication.class);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("paretowb: the window could not open (" + root.getMessage() + "); it needs GTK 3"
                    + " (sudo apt-get install libgtk-3-0) and a display (or xvfb-run).");
            System.exit(2);
        }
    }
}
