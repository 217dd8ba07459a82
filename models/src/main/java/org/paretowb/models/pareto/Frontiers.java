package org.paretowb.models.pareto;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.LatencyAnchors;

/** The points on the accuracy-vs-latency or the accuracy-vs-size frontier, as the workbench draws them. */
public final class Frontiers {
    private Frontiers() {
    }

    /** The points on either frontier, in their given order; latency as the chart draws it ({@link LatencyAnchors}). */
    public static List<EvaluatedPoint> latencyOrSize(List<EvaluatedPoint> points) {
        LatencyAnchors drawn = LatencyAnchors.of(points);
        ParetoFront<EvaluatedPoint> byLatency = new ParetoFront<>(p -> p.measurement().accuracy(), drawn::p50);
        ParetoFront<EvaluatedPoint> bySize = new ParetoFront<>(p -> p.measurement().accuracy(),
                p -> p.measurement().sizeBytes());
        Set<EvaluatedPoint> front = new HashSet<>(byLatency.of(points));
        front.addAll(bySize.of(points));
        return points.stream().filter(front::contains).toList();
    }
}
