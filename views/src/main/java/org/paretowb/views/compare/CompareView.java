package org.paretowb.views.compare;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * Two points' recipes and figures side by side; rows that differ are marked, and each difference says whether B is
 * better or worse than A for that figure. Close (or Escape) closes the window.
 */
public final class CompareView {
    private final VBox root = new VBox(8);

    public CompareView(EvaluatedPoint a, EvaluatedPoint b) {
        TableView<Comparison.Row> table = new TableView<>(FXCollections.observableArrayList(Comparison.of(a, b)));
        table.setId("compareTable");
        table.getColumns().add(column("", Comparison.Row::what, 255));
        table.getColumns().add(column("Point #" + a.id() + " (A)", Comparison.Row::a, 225));
        table.getColumns().add(column("Point #" + b.id() + " (B)", Comparison.Row::b, 225));
        table.getColumns().add(column("B against A", Comparison.Row::difference, 270));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Comparison.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("differs");
                if (!empty && row != null && row.differs()) {
                    getStyleClass().add("differs");
                }
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label("Rows in bold differ. Ratios are B over A; accuracy differences are in points."
                + " \"Better\" and \"worse\" are for that figure: higher accuracy and throughput, lower latency, size,"
                + " parameters and MACs are better. A latency or a subset's accuracy differs only where the 95%"
                + " intervals separate.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        Button close = new Button("Close");
        close.setId("compareClose");
        close.setCancelButton(true); // Escape
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setDefaultButton(true);
        close.setOnAction(e -> {
            if (root.getScene() != null && root.getScene().getWindow() != null) {
                root.getScene().getWindow().hide();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(8, hint, gap, close);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        bottom.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(table, bottom);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("workbench");
    }

    private static TableColumn<Comparison.Row, String> column(String title,
                                                               java.util.function.Function<Comparison.Row, String> value,
                                                               double width) {
        TableColumn<Comparison.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // the whole text where a narrow window cuts it ("no measurable difference (timed in the same …")
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return column;
    }

    public Parent root() {
        return root;
    }
}
