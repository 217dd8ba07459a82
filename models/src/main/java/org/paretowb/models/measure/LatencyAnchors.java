package org.paretowb.models.measure;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the latency chart draws a point's p50 (and where the latency frontier places it). A process's speed drifts while it runs (measured here: one window's
 * baseline read 0.087 ms when it opened and 0.060 ms when timed beside a later point), so two raw p50s of one
 * session may differ by more than their intervals without any effect of the recipe. A point timed in the same rounds
 * as the baseline ({@link Measurement#sessionBaseline}) is therefore drawn at its session's baseline point's p50
 * times the ratio of the two, its interval scaled alike: the chart then shows what the table's gain column says.
 * The baseline points, and points timed alone, are drawn at their own p50.
 */
public final class LatencyAnchors {
    private static final LatencyAnchors NONE = new LatencyAnchors(Map.of());

    /** The baseline point of each session, engine and thread count that points are drawn against. */
    private final Map<String, EvaluatedPoint> anchors;

    private LatencyAnchors(Map<String, EvaluatedPoint> anchors) {
        this.anchors = anchors;
    }

    public static LatencyAnchors none() {
        return NONE;
    }

    /** For each session, engine and thread count: its first baseline point (by id) that has a p50. */
    public static LatencyAnchors of(List<EvaluatedPoint> points) {
        Map<String, EvaluatedPoint> anchors = new HashMap<>();
        points.stream().filter(EvaluatedPoint::baseline).filter(p -> p.measurement().latencyP50Ms() > 0)
                .filter(p -> !p.measurement().how().session().isEmpty())
                .sorted(Comparator.comparingInt(EvaluatedPoint::id))
                .forEach(p -> anchors.putIfAbsent(key(p), p));
        return new LatencyAnchors(anchors);
    }

    private static String key(EvaluatedPoint p) {
        var how = p.measurement().how();
        return how.session() + "\n" + how.engine() + "\n" + how.latencyThreads();
    }

    /** The baseline point {@code p} is drawn against, or null where it is drawn at its own p50. */
    public EvaluatedPoint anchorOf(EvaluatedPoint p) {
        Measurement.Timing rounds = p.measurement().sessionBaseline();
        if (p.baseline() || rounds == null || rounds.p50Ms() <= 0 || p.measurement().how().session().isEmpty()) {
            return null;
        }
        return anchors.get(key(p));
    }

    /** The factor {@code p}'s p50 and interval are drawn with (1 where it is drawn at its own). */
    public double scale(EvaluatedPoint p) {
        EvaluatedPoint anchor = anchorOf(p);
        return anchor == null ? 1 : anchor.measurement().latencyP50Ms() / p.measurement().sessionBaseline().p50Ms();
    }

    /** The p50 as drawn. */
    public double p50(EvaluatedPoint p) {
        return p.measurement().latencyP50Ms() * scale(p);
    }

    /** The p50's 95% interval as drawn; null where the point has none. */
    public Interval interval(EvaluatedPoint p) {
        Interval own = p.measurement().latencyP50Interval();
        double scale = scale(p);
        return own == null ? null : new Interval(own.low() * scale, own.high() * scale);
    }

    /** Whether any of these points is drawn against its baseline. */
    public boolean anyAnchored(List<EvaluatedPoint> points) {
        return points.stream().anyMatch(p -> anchorOf(p) != null);
    }

    /** One sentence on where the point is drawn, for a tooltip; null where it is drawn at its own p50. */
    public String note(EvaluatedPoint p) {
        EvaluatedPoint anchor = anchorOf(p);
        if (anchor == null) {
            return null;
        }
        double rounds = p.measurement().sessionBaseline().p50Ms();
        return String.format(Locale.ROOT, "drawn at %.3f ms: baseline #%d's %.3f ms \u00d7 %.2f, this p50 over the"
                + " baseline's %.3f ms timed in the same rounds (the process's drift taken out)", p50(p), anchor.id(),
                anchor.measurement().latencyP50Ms(), p.measurement().latencyP50Ms() / rounds, rounds);
    }
}
