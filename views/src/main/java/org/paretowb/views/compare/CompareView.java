package org.paretowb.views.compare;

import java.util.List;
import java.util.function.Function;
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
import org.paretowb.views.common.ColumnFit;
import org.paretowb.views.common.WrappingCell;

/**
 * Two points' recipes and figures side by side; rows that differ are marked, and each difference says whether B is
 * better or worse than A for that figure. Close (or Escape) closes the window.
 */
public final class CompareView {
    private final VBox root = new VBox(8);

    public CompareView(EvaluatedPoint a, EvaluatedPoint b) {
        TableView<Comparison.Row> table = new TableView<>(FXCollections.observableArrayList(Comparison.of(a, b)));
        table.setId("compareTable");
        List<Comparison.Row> rows = table.getItems();
        table.getColumns().add(whatColumn(rows));
        table.getColumns().add(column("Point #" + a.id() + " (A)", Comparison.Row::a, 330));
        table.getColumns().add(column("Point #" + b.id() + " (B)", Comparison.Row::b, 330));
        table.getColumns().add(column("B against A", Comparison.Row::difference, 220));
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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        WrappingCell.relayoutOnResize(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label("Rows in bold differ. Ratios are B over A; accuracy differences are in points."
                + " \"Better\" and \"worse\" are for that figure: higher accuracy and throughput, lower latency, size,"
                + " parameters and MACs are better. A latency or a subset's accuracy differs only where the 95%"
                + " intervals separate.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // all of it, never "…"
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

    /**
     * What each row is: never wrapped, as wide as its longest name in bold (a row that differs is bold), so no name
     * is cut to "Throughput (images/s, …".
     */
    private static TableColumn<Comparison.Row, String> whatColumn(List<Comparison.Row> rows) {
        TableColumn<Comparison.Row, String> column = new TableColumn<>("");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().what()));
        column.setSortable(false);
        double width = ColumnFit.cellWidth("");
        for (Comparison.Row row : rows) {
            width = Math.max(width, ColumnFit.cellWidth(row.what(), true));
        }
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width); // the room left goes to the values
        return column;
    }

    /** A value column: its text wraps onto more lines rather than being cut ("int8 weights (per channel, …"). */
    private static TableColumn<Comparison.Row, String> column(String title, Function<Comparison.Row, String> value,
                                                               double width) {
        TableColumn<Comparison.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(120);
        column.setSortable(false);
        column.setCellFactory(c -> new WrappingCell<>());
        return column;
    }

    public Parent root() {
        return root;
    }
}
