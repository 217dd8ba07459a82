package org.paretowb.views.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the main window's FXML with its controller bound to a view model. */
public final class WorkbenchView {
    private final Parent root;
    private final WorkbenchController controller;

    public WorkbenchView(WorkbenchViewModel model) {
        this(model, null, null, null);
    }

    /** The contents of the "int8 per layer", "Sensitivity" and "Distillation" tabs (null: empty). */
    public WorkbenchView(WorkbenchViewModel model, javafx.scene.Node layersContent, javafx.scene.Node sensitivityContent,
                         javafx.scene.Node distillationContent) {
        FXMLLoader loader = new FXMLLoader(WorkbenchView.class.getResource("workbench.fxml"));
        loader.setControllerFactory(type -> new WorkbenchController(model, layersContent, sensitivityContent, distillationContent));
        try {
            this.root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the workbench layout could not be loaded", e);
        }
        this.controller = loader.getController();
        root.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
    }

    /** Adds a tab after the others (for example "What it forgot"). */
    public javafx.scene.control.Tab addTab(String title, javafx.scene.Node content) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) root.lookup("#tabs");
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }

    /** Adds an action to the Point menu, after "Measure on full set". */
    public void addPointAction(javafx.scene.control.MenuItem item) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) root.lookup("#menuBar");
        javafx.scene.control.Menu point = bar.getMenus().stream().filter(m -> "pointMenu".equals(m.getId()))
                .findFirst().orElseThrow();
        int after = (int) point.getItems().stream().takeWhile(i -> !"fullSetItem".equals(i.getId())).count();
        point.getItems().add(Math.min(after + 1, point.getItems().size()), item);
    }

    /** Brings the tab with this title to the front (nothing happens when there is none). */
    public void selectTab(String title) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) root.lookup("#tabs");
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The menu bar, for menus other parts of the window add (File's data items, Model). */
    public javafx.scene.control.MenuBar menuBar() {
        return (javafx.scene.control.MenuBar) root.lookup("#menuBar");
    }

    public Parent root() {
        return root;
    }

    WorkbenchController controller() {
        return controller;
    }
}
