package org.paretowb.views.workbench;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** The main window's message dialogs: a note, or an error in words a user can read. */
final class Alerts {
    private Alerts() {
    }

    static void info(Window owner, String message) {
        show(Alert.AlertType.INFORMATION, owner, message);
    }

    static void error(Window owner, String message) {
        show(Alert.AlertType.ERROR, owner, message);
    }

    private static void show(Alert.AlertType type, Window owner, String message) {
        Alert alert = new Alert(type, message);
        alert.setHeaderText(null);
        alert.setTitle("Pareto Workbench");
        alert.initOwner(owner);
        alert.show();
    }
}
