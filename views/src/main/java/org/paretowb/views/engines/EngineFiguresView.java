package org.paretowb.views.engines;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.paretowb.views.workbench.WorkbenchView;

/**
 * The "ORT vs DJL" tab: the selected point's figures on ONNX Runtime beside DJL's PyTorch, a button to
 * measure it on DJL (with progress and Cancel), and the Point menu's "Measure on DJL PyTorch" action.
 */
public final class EngineFiguresView {
    public static final String TAB_TITLE = "ORT vs DJL";
    static final String ACTION_HINT = "Measure the selected point's recipe again on DJL's PyTorch engine (eager"
            + " libtorch; int8 is simulated there), on the same images with the same probes: a new point marked DJL"
            + " PyTorch, shown beside its ONNX Runtime figures in the " + TAB_TITLE + " tab.";

    private final EngineFiguresViewModel model;
    private final VBox root = new VBox(8);

    public EngineFiguresView(EngineFiguresViewModel model) {
        this.model = model;
        Button measure = new Button("_Measure selected point on DJL PyTorch");
        measure.setId("measureOnDjl");
        measure.setMnemonicParsing(true);
        measure.setTooltip(new Tooltip(ACTION_HINT));
        measure.setOnAction(e -> model.measureSelected());
        measure.disableProperty().bind(model.canMeasureProperty().not());
        measure.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDjl");
        cancel.setTooltip(new Tooltip("Stop the measurement on DJL PyTorch at its next batch."));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("djlProgress");
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("djlStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, measure, cancel, progress, status);
        bar.setStyle("-fx-alignment: center-left;");

        Label summary = new Label();
        summary.setId("engineSummary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(model.summaryProperty());

        TableView<EngineRows.Row> table = new TableView<>(model.rows());
        table.setId("engineTable");
        table.getColumns().add(column("", EngineRows.Row::what, 210));
        table.getColumns().add(column("ONNX Runtime", EngineRows.Row::ort, 380));
        table.getColumns().add(column("DJL PyTorch", EngineRows.Row::djl, 300));
        table.getColumns().add(column("ORT against DJL", EngineRows.Row::ortAgainstDjl, 130));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No point selected"));
        table.setPrefHeight(360);
        table.setMinHeight(200);

        Label hint = new Label("Both engines run the same network on the same images with the same probes: accuracy"
                + " at batch 250, batch-1 latency on one thread (p50 and p95 of the timed runs after warm-up),"
                + " throughput at batch 64. DJL's PyTorch runs eager libtorch, where a small network's batch-1 time is"
                + " mostly per-operator overhead; its int8 is simulated (fp32 kernels on quantized values). A DJL"
                + " measurement is a point of its own in the table (engine DJL PyTorch) and in the workspace; the"
                + " charts show one engine at a time (Charts show, above the table).");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        root.getChildren().addAll(bar, summary, table, hint);
        root.setPadding(new Insets(10));
    }

    /**
     * Adds the tab to the window and "Measure on DJL PyTorch" (Ctrl+J) to its Point menu; the action
     * brings the tab to the front, where the job's progress and Cancel are.
     */
    public void attachTo(WorkbenchView window) {
        Tab tab = window.addTab(TAB_TITLE, root);
        MenuItem item = new MenuItem("Measure on _DJL PyTorch");
        item.setId("djlItem");
        item.setMnemonicParsing(true);
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        item.disableProperty().bind(model.canMeasureProperty().not());
        item.setOnAction(e -> {
            tab.getTabPane().getSelectionModel().select(tab);
            model.measureSelected();
        });
        window.addPointAction(item);
        tooltip(item, ACTION_HINT);
    }

    /** Menu items have no tooltip of their own: install one on the item's node each time the menu shows. */
    private static void tooltip(MenuItem item, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Menu menu = item.getParentMenu();
        if (menu != null) {
            menu.addEventHandler(Menu.ON_SHOWN, e -> {
                Node node = item.getStyleableNode();
                if (node != null) {
                    Tooltip.install(node, tip);
                }
            });
        }
    }

    private static TableColumn<EngineRows.Row, String> column(String title,
                                                              java.util.function.Function<EngineRows.Row, String> value,
                                                              double width) {
        TableColumn<EngineRows.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(widthProperty().subtract(12)); // long engine settings wrap
                text.getStyleClass().add("text");
                text.fillProperty().bind(textFillProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setText(empty ? null : item); // for lookups and accessibility; the graphic draws it
                setGraphic(empty ? null : text);
            }
        });
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    public Parent root() {
        return root;
    }
}
