package org.paretowb.views.inputs;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.paretowb.views.settings.InputSettingsDialog;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;

/**
 * Puts the window's inputs in its hands: File › Open data folder… and Open data file…, Model › Input
 * settings…, the Data tab, and dropping a model file or a data folder onto the window. Choosers and dialogs
 * open here; {@link InputsViewModel} does the work.
 */
public final class InputsControls {
    /** Where the user picks a folder or a file (file dialogs of the system; tests give their own). */
    public interface Choosers {
        Optional<Path> folder(Window owner);

        Optional<Path> file(Window owner);
    }

    /** The system's file dialogs. */
    public static final Choosers SYSTEM = new Choosers() {
        @Override
        public Optional<Path> folder(Window owner) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open data: a folder of idx files (t10k), or one sub-folder of PNG/JPEG images per class");
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> file(Window owner) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a data file");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Table of rows (CSV)", "*.csv"),
                    new FileChooser.ExtensionFilter("Any file", "*"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }
    };

    private final WorkbenchView view;
    private final WorkbenchViewModel workbench;
    private final InputsViewModel inputs;
    private final Choosers choosers;
    private final DataView data;

    private InputsControls(WorkbenchView view, WorkbenchViewModel workbench, InputsViewModel inputs,
                           Choosers choosers) {
        this.view = view;
        this.workbench = workbench;
        this.inputs = inputs;
        this.choosers = choosers;
        this.data = new DataView(inputs, new DataView.Actions() {
            @Override
            public void openFolder() {
                openDataFolder();
            }

            @Override
            public void openFile() {
                openDataFile();
            }

            @Override
            public void editSettings() {
                InputsControls.this.editSettings(null);
            }

            @Override
            public void showError(String message) {
                workbench.errorProperty().set(message);
            }
        });
    }

    public static InputsControls install(WorkbenchView view, WorkbenchViewModel workbench, InputsViewModel inputs,
                                         Choosers choosers) {
        InputsControls controls = new InputsControls(view, workbench, inputs, choosers);
        controls.installMenus(view.menuBar());
        controls.installAssumption(view);
        view.addTab("Data", controls.data.root());
        view.root().addEventHandler(DragEvent.DRAG_OVER, controls::dragOver);
        view.root().addEventHandler(DragEvent.DRAG_DROPPED, controls::dropped);
        return controls;
    }

    private void installMenus(MenuBar bar) {
        Menu file = bar.getMenus().stream().filter(m -> "fileMenu".equals(m.getId())).findFirst()
                .orElse(bar.getMenus().get(0));
        MenuItem folder = item("Open _data folder…", "Shortcut+Shift+O", "openDataItem", this::openDataFolder);
        MenuItem dataFile = item("Open data f_ile…", null, "openDataFileItem", this::openDataFile);
        int afterModel = 0;
        for (int i = 0; i < file.getItems().size(); i++) {
            if ("openModelItem".equals(file.getItems().get(i).getId())) {
                afterModel = i + 1;
            }
        }
        file.getItems().addAll(afterModel, List.of(folder, dataFile));
        Menu model = new Menu("_Model");
        model.setId("modelMenu");
        model.getItems().add(item("_Input settings…", "Shortcut+I", "inputSettingsItem", () -> editSettings(null)));
        model.disableProperty().bind(inputs.busyProperty());
        folder.disableProperty().bind(inputs.busyProperty());
        dataFile.disableProperty().bind(inputs.busyProperty());
        bar.getMenus().add(Math.min(2, bar.getMenus().size()), model);
    }

    /**
     * A label in the status bar while the normalisation is assumed ("Normalisation assumed: pixels / 255"); a click
     * opens Model › Input settings….
     */
    private void installAssumption(WorkbenchView view) {
        javafx.scene.control.Label assumed = new javafx.scene.control.Label();
        assumed.setId("normalisationAssumed");
        assumed.setStyle("-fx-text-fill: #b45309; -fx-font-weight: bold; -fx-cursor: hand;");
        assumed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        assumed.setTooltip(new javafx.scene.control.Tooltip("The model file states no normalisation, so this one is"
                + " assumed for every figure. Click, or Model › Input settings… (Ctrl+I), to give the mean and std it"
                + " was trained with or to confirm it."));
        assumed.setOnMouseClicked(e -> editSettings(null));
        Runnable show = () -> {
            ModelInputs now = inputs.inputs();
            assumed.setText(now.normalisationAssumed()
                    ? "Normalisation assumed: " + now.settings().normalisation().describe() : "");
            assumed.setVisible(now.normalisationAssumed());
            assumed.setManaged(now.normalisationAssumed());
        };
        show.run();
        inputs.inputsProperty().addListener((obs, old, now) -> show.run());
        // the status bar's second place, after the progress bar and before the status line
        javafx.scene.Node bar = view.root().lookup(".status-bar");
        if (bar instanceof javafx.scene.layout.Pane pane) {
            pane.getChildren().add(Math.min(1, pane.getChildren().size()), assumed);
        }
    }

    public void openDataFolder() {
        choosers.folder(owner()).ifPresent(this::openData);
    }

    public void openDataFile() {
        choosers.file(owner()).ifPresent(this::openData);
    }

    private void openData(Path path) {
        view.selectTab("Data");
        inputs.openData(path);
    }

    /**
     * Opens the input settings dialog; OK applies them (the window starts over).
     *
     * @param why a line saying why it opened by itself (the model file did not state its settings); null: asked for
     */
    public void editSettings(String why) {
        ModelInputs current = inputs.inputs();
        InputSettingsDialog dialog = new InputSettingsDialog(owner(), current.modelTitle(), current.settings(),
                current.weights().spec(), why, current.normalisationAssumed());
        dialog.getDialogPane().getStylesheets().addAll(view.root().getStylesheets());
        dialog.showAndWait().ifPresent(settings -> {
            view.selectTab("Data");
            inputs.applySettings(settings);
        });
    }

    /** Opens what was dropped: a model file as Open model does, data as Open data does; false when neither. */
    public boolean drop(List<File> files) {
        switch (FileDrop.of(files)) {
            case MODEL -> {
                if (!workbench.offersFiles()) {
                    workbench.errorProperty().set("Opening a model is not offered in this window.");
                    return false;
                }
                workbench.openModel(files.get(0).toPath());
                return true;
            }
            case DATA -> {
                openData(files.get(0).toPath());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && FileDrop.of(event.getDragboard().getFiles()) != FileDrop.NONE
                && !inputs.busyProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            event.consume();
        }
    }

    private void dropped(DragEvent event) {
        boolean done = event.getDragboard().hasFiles() && drop(event.getDragboard().getFiles());
        event.setDropCompleted(done);
        event.consume();
    }

    private Window owner() {
        return view.root().getScene() == null ? null : view.root().getScene().getWindow();
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    public DataView dataView() {
        return data;
    }
}
