package org.paretowb.models.pareto;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paretowb.models.measure.EvaluatedPoint;

/** The points on the accuracy-vs-latency or the accuracy-vs-size frontier, as the workbench draws them. */
public final class Frontiers {
    private Frontiers() {
    }

    /** The points on either frontier, in their given order. */
    public static List<EvaluatedPoint> latencyOrSize(List<EvaluatedPoint> points) {
        ParetoFront<EvaluatedPoint> byLatency = new ParetoFront<>(p -> p.measurement().accuracy(),
                p -> p.measurement().latencyP50Ms());
        ParetoFront<EvaluatedPoint> bySize = new ParetoFront<>(p -> p.measurement().accuracy(),
                p -> p.measurement().sizeBytes());
        Set<EvaluatedPoint> front = new HashSet<>(byLatency.of(points));
        front.addAll(bySize.of(points));
        return points.stream().filter(front::contains).toList();
    }
}
