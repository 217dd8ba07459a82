package org.paretowb.views.settings;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.input.SettingsText;

/** Model › Input settings…: the model's input shape, normalisation and class names; OK only when they are valid. */
public final class InputSettingsDialog extends Dialog<ModelSettings> {
    private final InputSettingsViewModel model;

    /** @param why a line above the fields (for example: the file does not state them); null: none */
    public InputSettingsDialog(Window owner, String modelTitle, ModelSettings current, NetworkSpec spec, String why) {
        this(owner, modelTitle, current, spec, why, false);
    }

    /**
     * @param why a line above the fields (for example: the file does not state them); null: none
     * @param assumed whether the current normalisation is assumed (the model file states none): the dialog says so
     */
    public InputSettingsDialog(Window owner, String modelTitle, ModelSettings current, NetworkSpec spec, String why,
                               boolean assumed) {
        this.model = new InputSettingsViewModel(current, spec);
        initOwner(owner);
        setTitle("Input settings of " + modelTitle);
        setHeaderText((why == null ? "" : why + "\n") + "Pixels are scaled to [0, 1], then (x - mean) / std per"
                + " channel. Applying them reads the data again and starts over from a new baseline; the workspace"
                + " remembers them for this model.");
        setResizable(true);

        TextField shape = new TextField(model.shape());
        shape.setId("settingsShape");
        shape.setEditable(false);
        shape.setFocusTraversable(false);
        TextField mean = field("settingsMean", model.meanProperty());
        TextField std = field("settingsStd", model.stdProperty());
        TextArea names = new TextArea();
        names.setId("settingsClassNames");
        names.textProperty().bindBidirectional(model.classNamesProperty());
        names.setPrefRowCount(Math.min(12, Math.max(4, model.classes())));
        names.setPrefColumnCount(28);
        Label message = new Label();
        message.setId("settingsMessage");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #b91c1c; -fx-font-weight: bold;");
        message.textProperty().bind(model.messageProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.addRow(row++, new Label("Input shape"), shape);
        grid.add(hint("Stated by the network: it cannot take another shape."), 1, row++);
        if (assumed) {
            Label note = new Label("Assumed: the model file states no normalisation, so "
                    + current.normalisation().describe() + " is used (mean " + SettingsText.show(
                    current.normalisation().mean()) + ", std " + SettingsText.show(current.normalisation().std())
                    + "). Give the mean and std the model was trained with, or OK to confirm these.");
            note.setId("settingsAssumed");
            note.setWrapText(true);
            note.setStyle("-fx-text-fill: #b45309; -fx-font-weight: bold;");
            grid.add(note, 0, row++, 2, 1);
        }
        grid.addRow(row++, new Label("Mean"), mean);
        grid.addRow(row++, new Label("Std"), std);
        grid.add(hint(channelsHint(model.channels())), 1, row++);
        grid.addRow(row++, new Label("Class names"), names);
        grid.add(hint("One per line, in the order of the model's " + model.classes() + " outputs."), 1, row++);
        grid.add(message, 0, row, 2, 1);
        GridPane.setHgrow(names, Priority.ALWAYS);
        GridPane.setVgrow(names, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(620);
        getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.validProperty().not());
        getDialogPane().lookupButton(ButtonType.OK).setId("settingsOk");
        setResultConverter(button -> button == ButtonType.OK ? model.settings().orElse(null) : null);
    }

    private static String channelsHint(int channels) {
        return channels == 1 ? "One value: the model takes one channel."
                : "Comma-separated: one value per channel (" + channels + "), or one for all.";
    }

    private static TextField field(String id, javafx.beans.property.StringProperty text) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        field.setPrefColumnCount(28);
        return field;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setStyle("-fx-font-size: 11px; -fx-text-fill: #4b5563;");
        return hint;
    }

    public InputSettingsViewModel model() {
        return model;
    }
}
