package org.paretowb.views.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.paretowb.services.store.Workspace;
import org.paretowb.models.report.ReportScope;

/**
 * The File menu's workspace items: New, Open, Open recent, Save As and Refresh. File dialogs open here;
 * the view model does the work and reports failures in its error (a dialog).
 */
final class WorkspaceMenu {
    private final WorkbenchViewModel model;
    private final java.util.function.Supplier<Window> owner;
    private final Menu recent = new Menu("Open _recent workspace");

    private WorkspaceMenu(WorkbenchViewModel model, java.util.function.Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    /** Puts the workspace items at the top of {@code fileMenu}. */
    static void install(WorkbenchViewModel model, Menu fileMenu, java.util.function.Supplier<Window> owner) {
        WorkspaceMenu menu = new WorkspaceMenu(model, owner);
        fileMenu.getItems().addAll(0, menu.items());
        fileMenu.setOnShowing(e -> menu.fillRecent());
    }

    private List<MenuItem> items() {
        MenuItem create = item("_New workspace…", "Shortcut+N", "newWorkspaceItem", () -> choose(true)
                .ifPresent(model.history()::newWorkspace));
        MenuItem open = item("Open _workspace…", "Shortcut+Shift+W", "openWorkspaceItem", () -> choose(false)
                .ifPresent(model.history()::openWorkspace));
        MenuItem saveAs = item("_Save workspace as…", "Shortcut+Shift+S", "saveWorkspaceAsItem", () -> choose(true)
                .ifPresent(model.history()::saveWorkspaceAs));
        MenuItem refresh = item("Re_fresh points", "F5", "refreshItem", model.history()::refresh);
        MenuItem report = item("Export _report…", "Shortcut+Shift+E", "reportItem", this::exportReport);
        recent.setId("recentMenu");
        return List.of(create, open, recent, saveAs, refresh, new SeparatorMenuItem(), report, new SeparatorMenuItem());
    }

    private void exportReport() {
        java.util.Map<String, ReportScope> scopes = new java.util.LinkedHashMap<>();
        scopes.put("The frontier (latency or size)", ReportScope.FRONTIER);
        scopes.put("All points", ReportScope.ALL);
        scopes.put("The selected point (against the baseline)", ReportScope.SELECTED);
        javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(
                scopes.keySet().iterator().next(), scopes.keySet());
        dialog.setTitle("Export report");
        dialog.setHeaderText("Which points go in the report?");
        dialog.setContentText("Points:");
        dialog.initOwner(owner.get());
        dialog.showAndWait().map(scopes::get).ifPresent(scope -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Report file");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("HTML report (charts as SVG, self-contained)", "*.html"),
                    new FileChooser.ExtensionFilter("PDF report", "*.pdf"),
                    new FileChooser.ExtensionFilter("CSV of the points", "*.csv"),
                    new FileChooser.ExtensionFilter("JSON of the points", "*.json"));
            File chosen = chooser.showSaveDialog(owner.get());
            if (chosen == null) {
                return;
            }
            Path path = chosen.toPath();
            String name = path.getFileName().toString();
            if (!name.matches("(?i).*\\.(html|pdf|csv|json)$")) {
                String extension = chooser.getSelectedExtensionFilter() == null ? ".html"
                        : chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
                path = path.resolveSibling(name + extension);
            }
            model.exportReport(scope, path);
        });
    }

    private void fillRecent() {
        recent.getItems().clear();
        model.history().workspace().ifPresent(session -> {
            for (Path path : session.recent().list()) {
                MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.history().openWorkspace(path));
                recent.getItems().add(item);
            }
        });
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent workspaces");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private java.util.Optional<Path> choose(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Workspace file to create" : "Open a workspace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pareto Workbench workspace",
                "*" + Workspace.EXTENSION));
        Path current = model.history().workspaceFileProperty().get();
        if (current != null && current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File chosen = save ? chooser.showSaveDialog(owner.get()) : chooser.showOpenDialog(owner.get());
        if (chosen == null) {
            return java.util.Optional.empty();
        }
        Path path = chosen.toPath();
        if (save && !path.getFileName().toString().endsWith(Workspace.EXTENSION)) {
            path = path.resolveSibling(path.getFileName() + Workspace.EXTENSION);
        }
        return java.util.Optional.of(path);
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
