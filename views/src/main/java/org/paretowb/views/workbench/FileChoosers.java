package org.paretowb.views.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window's file choosers: the model to open, and where a point's network is exported. */
final class FileChoosers {
    private FileChoosers() {
    }

    /** File › Open model…'s chooser: the formats a model opens from, and where it opens. */
    static FileChooser model() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model (it opens in a new window, on the same workspace)");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ONNX model", "*.onnx"),
                new FileChooser.ExtensionFilter("Workbench export (.pwb, .djl)", "*.pwb", "*.djl"));
        return chooser;
    }

    /**
     * Asks where to export the selected point's network; a name without a known extension gets the chosen
     * format's.
     */
    static Optional<Path> exportTarget(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the selected point's network");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ONNX (fp32, or int8 where the point ran int8)", "*.onnx"),
                new FileChooser.ExtensionFilter("DJL archive (parameters + network + packed weights)",
                        "*.djl"),
                new FileChooser.ExtensionFilter("Workbench weight file (PWB1)", "*.pwb"));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        String extension = chooser.getSelectedExtensionFilter() == null ? ".onnx"
                : chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
        String name = chosen.getName();
        return Optional.of(name.endsWith(".onnx") || name.endsWith(".djl") || name.endsWith(".pwb")
                || name.endsWith(".zip") ? chosen.toPath() : chosen.toPath().resolveSibling(name + extension));
    }
}
