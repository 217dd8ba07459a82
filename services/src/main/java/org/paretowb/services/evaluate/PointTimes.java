package org.paretowb.services.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time of one point went, phase by phase, in milliseconds: applying the recipe, preparing the engine's
 * network (the ONNX export), loading the evaluation session, the evaluation, the throughput probe, batch-1 timing
 * (its sessions' loading included) and the size probe. For the bench that replays slider changes.
 */
public final class PointTimes {
    private final Map<String, Double> millis = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Charges the time since the last lap (or the start) to {@code phase}. */
    void lap(String phase) {
        long now = System.nanoTime();
        millis.merge(phase, (now - mark) / 1e6, Double::sum);
        mark = now;
    }

    /** Restarts the clock without charging anything. */
    void restart() {
        mark = System.nanoTime();
    }

    /** Each phase's milliseconds, in the order they came. */
    public Map<String, Double> millis() {
        return Collections.unmodifiableMap(millis);
    }
}
