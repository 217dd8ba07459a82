package org.paretowb.views.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table column at least as wide as its header (drawn in bold) and its widest cell, recomputed when the rows
 * change, so neither is cut to "fp32 evaluatio…": a resize policy cannot squeeze it below that, and the table
 * scrolls sideways instead.
 */
public final class ColumnFit {
    /** Room around a header's text: padding, and the sort arrow. */
    static final double HEADER_PADDING = 24;
    /** Room around a cell's text. */
    static final double CELL_PADDING = 16;

    private ColumnFit() {
    }

    /** The width a header needs, in the bold 13 px the table draws its headers with. */
    public static double headerWidth(String title) {
        return Math.ceil(width(title, FontWeight.BOLD) + HEADER_PADDING);
    }

    /** The width a cell needs for {@code text}, in plain 13 px. */
    public static double cellWidth(String text) {
        return cellWidth(text, false);
    }

    /** The width a cell needs for {@code text}, in 13 px, bold where a row style makes it bold. */
    public static double cellWidth(String text, boolean bold) {
        return Math.ceil(width(text, bold ? FontWeight.BOLD : FontWeight.NORMAL) + CELL_PADDING);
    }

    /** Sizes {@code column} to its header and to {@code text} of every row of {@code table}, now and when they change. */
    public static <R> void fit(TableView<R> table, TableColumn<R, ?> column, Function<R, String> text) {
        InvalidationListener fit = o -> {
            double widest = headerWidth(column.getText());
            for (R row : table.getItems() == null ? List.<R>of() : table.getItems()) {
                String value = text.apply(row);
                widest = Math.max(widest, cellWidth(value == null ? "" : value));
            }
            column.setMinWidth(widest);
            column.setPrefWidth(Math.max(column.getPrefWidth(), widest));
        };
        TableItems.follow(table, fit);
    }

    /**
     * Lets the table scroll sideways where its columns need more room than it has (a constrained resize policy
     * would clip the last columns instead), and otherwise gives the room left over to the last column.
     */
    public static void scrollOrFill(TableView<?> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        InvalidationListener fill = o -> {
            List<? extends TableColumn<?, ?>> leaves = table.getVisibleLeafColumns();
            if (leaves.isEmpty()) {
                return;
            }
            TableColumn<?, ?> last = leaves.get(leaves.size() - 1);
            double others = 0;
            for (TableColumn<?, ?> column : leaves.subList(0, leaves.size() - 1)) {
                others += column.getWidth();
            }
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - others
                    - SCROLL_BAR;
            last.setPrefWidth(Math.max(last.getMinWidth(), Math.floor(room)));
        };
        table.widthProperty().addListener(fill);
        for (TableColumn<?, ?> column : leaves(table.getColumns())) {
            column.widthProperty().addListener(fill);
        }
    }

    /** Room kept for a vertical scroll bar, so filling the width never makes the table scroll sideways. */
    private static final double SCROLL_BAR = 16;

    private static List<TableColumn<?, ?>> leaves(List<? extends TableColumn<?, ?>> columns) {
        List<TableColumn<?, ?>> leaves = new java.util.ArrayList<>();
        for (TableColumn<?, ?> column : columns) {
            if (column.getColumns().isEmpty()) {
                leaves.add(column);
            } else {
                leaves.addAll(leaves(column.getColumns()));
            }
        }
        return leaves;
    }

    private static double width(String text, FontWeight weight) {
        Text probe = new Text(text);
        probe.setFont(Font.font(Font.getDefault().getFamily(), weight, 13));
        return probe.getLayoutBounds().getWidth();
    }
}
