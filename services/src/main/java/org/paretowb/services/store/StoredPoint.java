package org.paretowb.services.store;

import java.time.Instant;
import java.util.Map;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * A point as the workspace holds it: the point, what it was measured on, when, on what software and CPU, and in
 * which measuring session on which machine ("" for the session of a point saved before sessions were recorded).
 */
public record StoredPoint(EvaluatedPoint point, PointContext context, Instant created, Map<String, String> environment,
                          String session, String machine) {
    public StoredPoint {
        environment = Map.copyOf(environment);
        session = session == null ? "" : session;
        machine = machine == null ? "" : machine;
    }
}
