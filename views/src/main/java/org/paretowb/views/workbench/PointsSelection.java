package org.paretowb.views.workbench;

import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * The points table's rows and selection, kept with the history: the points shown, sorted as the table's headers
 * say; the selected point is the history's (either side may change it); a new point is selected as it arrives;
 * Compare is offered with exactly two selected.
 */
final class PointsSelection {
    private PointsSelection() {
    }

    static void bind(TableView<EvaluatedPoint> table, HistoryViewModel history, MenuItem compareItem) {
        SortedList<EvaluatedPoint> sorted = new SortedList<>(history.shownPoints());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        compareItem.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        history.latestProperty().addListener((obs, old, point) -> {
            if (point != null && point.id() > 0) {
                select(table, point);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, point) ->
                history.selectedProperty().set(point));
        history.selectedProperty().addListener((obs, old, point) -> {
            if (point != null && table.getSelectionModel().getSelectedItem() != point) {
                select(table, point);
            }
        });
    }

    private static void select(TableView<EvaluatedPoint> table, EvaluatedPoint point) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(point);
        table.scrollTo(point);
    }
}
