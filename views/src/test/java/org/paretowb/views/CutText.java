package org.paretowb.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.geometry.Orientation;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.paretowb.views.common.WrappingCell;

/**
 * Finds the text a window draws cut: a label, header or cell drawing less than its text ("fp32 evaluatio…"), a
 * wrapping cell whose lines do not fit its row, or table columns past the table's edge with no scroll bar. Only what is drawn is looked at (rows scrolled out of view are not).
 */
public final class CutText {
    private CutText() {
    }

    /** Every cut text under {@code root}, as "what it draws" (or "wrapped: text" for a row too short). */
    public static List<String> under(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableView<?> table && clipsColumns(table)) {
            cut.add("columns beyond " + table.getId() + "'s edge, and no scroll bar to reach them");
        }
        if (node instanceof WrappingCell<?> cell && cell.getGraphic() != null && cell.getWidth() > 0) {
            Text text = cell.shown();
            double room = cell.getHeight() - cell.snappedTopInset() - cell.snappedBottomInset();
            double width = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
            if (text.getLayoutBounds().getHeight() > room + 1 || text.getLayoutBounds().getWidth() > width + 1) {
                cut.add(String.format(java.util.Locale.ROOT, "wrapped in %.0fx%.0f, needs %.0fx%.0f: %s", width, room,
                        text.getLayoutBounds().getWidth(), text.getLayoutBounds().getHeight(), text.getText()));
            }
        } else if (node instanceof Labeled label && label.getText() != null && !label.getText().isEmpty()) {
            String whole = label.isMnemonicParsing() ? label.getText().replaceFirst("_", "") : label.getText();
            shown(label).filter(t -> !t.equals(whole)).ifPresent(cut::add);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    /** Whether the table's columns run past its edge with no horizontal scroll bar to bring them in. */
    private static boolean clipsColumns(TableView<?> table) {
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        boolean scrolls = table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
        return columns > room + 1 && !scrolls;
    }

    /** The text a label draws (with "…" where it is cut), if it draws one. */
    public static Optional<String> shown(Labeled label) {
        return label.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text)
                .map(n -> ((Text) n).getText()).findFirst();
    }
}
