package org.paretowb.views.workbench;

import java.util.List;
import java.util.function.Predicate;
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
        org.paretowb.views.common.TableItems.follow(table, update);
        column.setVisible(was[0]);
    }
}
