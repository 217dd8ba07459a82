package org.paretowb.models.report;

import java.util.List;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.pareto.Frontiers;

/** Which points a report covers: all of them, the frontier (latency or size), or the ones selected. */
public enum ReportScope {
    ALL, FRONTIER, SELECTED;

    /** The points of {@code all} this scope keeps ({@code selected} for {@link #SELECTED}). */
    public List<EvaluatedPoint> select(List<EvaluatedPoint> all, List<EvaluatedPoint> selected) {
        return switch (this) {
            case ALL -> all;
            case FRONTIER -> Frontiers.latencyOrSize(all);
            case SELECTED -> selected;
        };
    }
}
