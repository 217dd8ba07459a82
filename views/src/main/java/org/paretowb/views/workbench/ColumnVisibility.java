package org.paretowb.views.workbench;

import java.util.List;
import java.util.function.Predicate;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.paretowb.models.measure.EvaluatedPoint;

/** Shows a column of the points table while a point uses what it shows (a knob's column, the engine, a name). */
final class ColumnVisibility {
    private ColumnVisibility() {
    }

    /**
     * The column shows once the table lists a point that uses it, and hides once none does; in between, the
     * column chooser decides.
     */
    static void showWhenUsed(TableView<EvaluatedPoint> table, TableColumn<EvaluatedPoint, ?> column,
                             Predicate<List<EvaluatedPoint>> used) {
        boolean[] was = {false};
        javafx.beans.InvalidationListener update = o -> {
            List<EvaluatedPoint> items = table.getItems() == null ? List.of() : table.getItems();
            boolean now = used.test(items);
            if (now != was[0]) {
                column.setVisible(now);
                was[0] = now;
            }
        };
        // an invalidation listener: a change listener misses a new empty list replacing an empty one (equal lists)
        List<ObservableList<EvaluatedPoint>> watched = new java.util.ArrayList<>();
        javafx.beans.InvalidationListener follow = o -> {
            watched.forEach(list -> list.removeListener(update));
            watched.clear();
            if (table.getItems() != null) {
                table.getItems().addListener(update);
                watched.add(table.getItems());
            }
            update.invalidated(null);
        };
        table.itemsProperty().addListener(follow);
        follow.invalidated(null);
        column.setVisible(was[0]);
    }
}
