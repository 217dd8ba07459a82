package org.paretowb.views.workbench;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.CheckListView;

/** A checklist of the network's layers: the ones ticked run on int8 kernels (static quantization). */
final class Int8LayersDialog extends Dialog<List<String>> {
    static final ButtonType RUN = new ButtonType("Run these in int8", ButtonBar.ButtonData.OK_DONE);

    Int8LayersDialog(List<String> layers, List<String> ticked, Window owner) {
        setTitle("Choose the int8 layers");
        setHeaderText(null);
        initOwner(owner);
        CheckListView<String> list = new CheckListView<>(FXCollections.observableArrayList(layers));
        list.setId("int8LayerList");
        list.setPrefSize(300, Math.min(260, 28 * Math.max(3, layers.size()) + 6));
        ticked.stream().filter(layers::contains).forEach(list.getCheckModel()::check);
        Label hint = new Label(layers.isEmpty() ? "The loaded network's layers are not known in this window."
                : "Static int8: the ticked layers run on ONNX Runtime's int8 kernels, the others stay fp32."
                + " conv1 is the first convolution, fc1 the first dense layer (as in the Model tab; with low-rank"
                + " on, a factorized dense layer counts as two). The int8 per layer tab times each layer both ways.");
        hint.setWrapText(true);
        hint.setPrefWidth(300);
        hint.getStyleClass().add("hint");
        getDialogPane().setContent(new VBox(8, hint, list));
        getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CANCEL);
        getDialogPane().lookupButton(RUN).disableProperty().bind(Bindings.isEmpty(list.getCheckModel().getCheckedItems()));
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
            getDialogPane().getStyleClass().add("workbench");
        }
        setResultConverter(button -> button == RUN ? List.copyOf(list.getCheckModel().getCheckedItems()) : null);
    }
}
