package org.paretowb.views.workbench;

import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.pareto.Frontiers;

/** The points the history table shows: all of them, or with "frontier only" those on the latency or size frontier. */
final class FrontierFilter {
    private final ObservableList<EvaluatedPoint> points;
    private final FilteredList<EvaluatedPoint> shown;
    private final BooleanProperty frontierOnly = new SimpleBooleanProperty();

    FrontierFilter(ObservableList<EvaluatedPoint> points) {
        this.points = points;
        this.shown = new FilteredList<>(points);
        points.addListener((ListChangeListener<EvaluatedPoint>) change -> filter());
        frontierOnly.addListener((obs, was, now) -> filter());
    }

    private void filter() {
        if (!frontierOnly.get()) {
            shown.setPredicate(null);
            return;
        }
        Set<EvaluatedPoint> front = new HashSet<>(Frontiers.latencyOrSize(points));
        shown.setPredicate(front::contains);
    }

    ObservableList<EvaluatedPoint> shown() {
        return shown;
    }

    BooleanProperty frontierOnlyProperty() {
        return frontierOnly;
    }
}
