package org.paretowb.services.store;

import java.time.Instant;
import java.util.Map;
import org.paretowb.models.measure.EvaluatedPoint;

/** A point as the workspace holds it: the point, what it was measured on, when, and on what software and CPU. */
public record StoredPoint(EvaluatedPoint point, PointContext context, Instant created, Map<String, String> environment) {
    public StoredPoint {
        environment = Map.copyOf(environment);
    }
}
