package org.paretowb.views.workbench;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

/** The status bar's progress, status line, workspace, resources and Cancel, bound to the view models. */
final class StatusBar {
    private StatusBar() {
    }

    static void bind(WorkbenchViewModel model, ProgressBar progress, Button cancel, Label status) {
        progress.visibleProperty().bind(model.jobs().busyProperty());
        cancel.disableProperty().bind(model.jobs().cancellableProperty().not());
        status.textProperty().bind(model.statusProperty());
        Tooltip whole = new Tooltip(); // the whole line, where it is cut
        whole.textProperty().bind(model.statusProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        status.setTooltip(whole);
    }

    /** The workspace the points are saved to, and this process's CPU and memory while the bar is shown. */
    static void bindWorkspaceAndResources(HistoryViewModel history, Label workspace, Label resourcesLabel,
                                          ResourceStatus resources, Label shownBy) {
        resourcesLabel.textProperty().bind(resources.textProperty());
        resources.runWhileShown(shownBy);
        workspace.textProperty().bind(Bindings.createStringBinding(() ->
                history.workspaceFileProperty().get() == null ? "Not saved (no workspace)"
                        : "Workspace: " + history.workspaceFileProperty().get().getFileName(),
                history.workspaceFileProperty()));
    }
}
