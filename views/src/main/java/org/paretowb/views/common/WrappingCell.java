package org.paretowb.views.common;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * A table cell that wraps its text onto as many lines as it needs, so a long value ("1x28x28 input.q=qsta8[0.0,1.0]
 * conv16k3p1 …") is read whole in a column of ordinary width instead of being cut to "…". The row grows to fit. The
 * text takes the cell's font and colour, so row styles (bold, selected, dark theme) still apply.
 */
public class WrappingCell<R> extends TableCell<R, String> {
    /** Room kept beside the text: more than the cell's padding and border. */
    private static final double PADDING = 12;
    private final Text text = new Text();

    public WrappingCell() {
        text.getStyleClass().add("wrapped-text");
        text.fontProperty().bind(fontProperty());
        text.fillProperty().bind(textFillProperty());
        // the column's width, not the cell's: a row measures its height before its cells are given their widths
        tableColumnProperty().addListener((obs, old, column) -> {
            text.wrappingWidthProperty().unbind();
            if (column != null) {
                text.wrappingWidthProperty().bind(Bindings.max(0, column.widthProperty().subtract(PADDING)));
            }
        });
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null;
        text.setText(blank ? "" : item);
        setGraphic(blank ? null : text);
        setAccessibleText(blank ? null : item);
    }

    /**
     * Lays the rows of {@code table} out again once its columns change width (the resize policy fitting them to the
     * window, the user dragging an edge): a row keeps the height it was first given, so a cell that now needs one
     * more line would run into the next row.
     */
    public static void relayoutOnResize(TableView<?> table) {
        boolean[] pending = {false};
        InvalidationListener again = o -> {
            if (!pending[0]) {
                pending[0] = true;
                Platform.runLater(() -> {
                    pending[0] = false;
                    table.refresh();
                });
            }
        };
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.widthProperty().addListener(again);
        }
    }

    /** The text as drawn, for tests. */
    public Text shown() {
        return text;
    }
}
