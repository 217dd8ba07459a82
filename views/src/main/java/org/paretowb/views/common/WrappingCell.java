package org.paretowb.views.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A table cell that wraps its text onto as many lines as it needs, so a long value ("1x28x28 input.q=qsta8[0.0,1.0]
 * conv16k3p1 …") is read whole in a column of ordinary width instead of being cut to "…". The row grows to fit. The
 * text takes the cell's font and colour, so row styles (bold, selected, dark theme) still apply.
 */
public class WrappingCell<R> extends TableCell<R, String> {
    private final Text text = new Text();

    public WrappingCell() {
        text.getStyleClass().add("wrapped-text");
        text.fontProperty().bind(fontProperty());
        text.fillProperty().bind(textFillProperty());
        text.wrappingWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset() - 1),
                widthProperty(), paddingProperty(), insetsProperty()));
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

    /** The text as drawn, for tests. */
    public Text shown() {
        return text;
    }
}
