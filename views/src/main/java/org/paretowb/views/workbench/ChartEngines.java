package org.paretowb.views.workbench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * Which engine's points the Pareto charts show. Latency and throughput of one network differ several times
 * between engines (the CNN's batch-1 p50: 0.07 ms on ONNX Runtime, 0.56 ms on DJL's PyTorch), so mixed
 * charts would draw frontiers across engines: the charts show one engine at a time. Until the user picks
 * one, it is the engine of the first baseline measured (the window's own measuring engine).
 */
public final class ChartEngines {
    /** The choice that shows every engine's points on the same charts. */
    public static final String ALL = "All engines (mixed)";

    private final ObservableList<EvaluatedPoint> points;
    private final ObjectProperty<String> shown = new SimpleObjectProperty<>();
    private final ObservableList<String> choices = FXCollections.observableArrayList();

    ChartEngines(ObservableList<EvaluatedPoint> points) {
        this.points = points;
        points.addListener((ListChangeListener<EvaluatedPoint>) change -> update());
        shown.addListener((obs, old, now) -> update());
    }

    /**
     * The choices first, then the engine shown. Choices are added and removed one by one, never replaced
     * all at once: a choice box clears its value when its selected item is removed, even to be re-added.
     */
    private void update() {
        String now = shown.get();
        String pick = now != null ? now : points.stream().filter(EvaluatedPoint::baseline)
                .min(java.util.Comparator.comparingInt(EvaluatedPoint::id)).map(EvaluatedPoint::engine).orElse(null);
        Set<String> engines = new LinkedHashSet<>();
        points.forEach(p -> engines.add(p.engine()));
        if (pick != null && !ALL.equals(pick)) {
            engines.add(pick);
        }
        choices.removeIf(c -> !ALL.equals(c) && !engines.contains(c));
        if (!choices.contains(ALL)) {
            choices.add(ALL);
        }
        for (String engine : engines) {
            if (!choices.contains(engine)) {
                choices.add(choices.indexOf(ALL), engine);
            }
        }
        if (now == null && pick != null) {
            shown.set(pick);
        }
    }

    /** The engine whose points the charts show, or {@link #ALL}; null until a point has been measured. */
    public ObjectProperty<String> shownProperty() {
        return shown;
    }

    /** The engines of the points measured so far, then {@link #ALL}. */
    public ObservableList<String> choices() {
        return choices;
    }

    /** Whether the charts show this point. */
    public boolean shows(EvaluatedPoint point) {
        return point != null && (shown.get() == null || ALL.equals(shown.get()) || shown.get().equals(point.engine()));
    }

    /** The points the charts show, in their order. */
    public List<EvaluatedPoint> onCharts(List<EvaluatedPoint> all) {
        return all.stream().filter(this::shows).toList();
    }
}
