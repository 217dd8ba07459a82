package org.paretowb.models.measure;

import java.util.Locale;

/**
 * Whether a point's batch-1 p50 differs measurably from its baseline's: a difference is claimed only where the two
 * 95% intervals do not overlap. The baseline's figure is, in order of preference, the one timed interleaved with the
 * point (same rounds, same session: drift of the machine hits both), else the baseline point's of the same session;
 * a point of another session (another process, perhaps another machine or a busier hour) is not compared.
 *
 * @param kind what can be said
 * @param gain baseline p50 over the point's (2.0: twice as fast); NaN where not compared
 * @param basis what the baseline figure was, in a few words, for tooltips and reports
 */
public record LatencyComparison(Kind kind, double gain, String basis) {
    /** The words used wherever two intervals overlap. */
    public static final String NO_MEASURABLE_DIFFERENCE = "no measurable difference";

    public enum Kind {
        /** The point's interval lies wholly below the baseline's. */
        FASTER,
        /** The point's interval lies wholly above the baseline's. */
        SLOWER,
        /** The intervals overlap. */
        NO_MEASURABLE_DIFFERENCE,
        /** One of the two was measured without an interval (older points): the factor is shown, no claim made. */
        NO_INTERVAL,
        /** Measured in another session, or on another engine or thread count: not compared. */
        NOT_COMPARABLE,
        /** The point is the baseline. */
        SAME_POINT
    }

    /** The point's p50 against the baseline point's (of the same engine), as described above. */
    public static LatencyComparison of(EvaluatedPoint baseline, EvaluatedPoint point) {
        Measurement b = baseline.measurement();
        Measurement p = point.measurement();
        if (baseline.id() == point.id() && b == p) {
            return new LatencyComparison(Kind.SAME_POINT, 1, "the baseline itself");
        }
        if (!b.how().engine().equals(p.how().engine()) || b.how().latencyThreads() != p.how().latencyThreads()) {
            return new LatencyComparison(Kind.NOT_COMPARABLE, Double.NaN,
                    "measured on another engine or thread count than the baseline");
        }
        if (p.sessionBaseline() != null) {
            return withinRounds(p);
        }
        boolean unrecorded = b.how().session().isEmpty() && p.how().session().isEmpty();
        if (!unrecorded && !b.how().sameSession(p.how())) {
            boolean sameMachine = p.how().machine().equals(b.how().machine());
            Interval bAcross = b.latencyP50IntervalAcrossProcesses();
            Interval pAcross = p.latencyP50IntervalAcrossProcesses();
            if (sameMachine && bAcross != null && pAcross != null) {
                return compare(b.latencyP50Ms(), bAcross, p.latencyP50Ms(), pAcross, "baseline point #" + baseline.id()
                        + " of another session, on intervals across processes");
            }
            return new LatencyComparison(Kind.NOT_COMPARABLE, Double.NaN, sameMachine
                    ? "measured in another session than the baseline" : "measured on another machine than the baseline");
        }
        return compare(b.latencyP50Ms(), b.latencyP50Interval(), p, "baseline point #" + baseline.id());
    }

    /** The point against the baseline timed in the same rounds; not compared when it was timed alone. */
    public static LatencyComparison withinRounds(Measurement p) {
        Measurement.Timing interleaved = p.sessionBaseline();
        if (interleaved == null) {
            return new LatencyComparison(Kind.NOT_COMPARABLE, Double.NaN, "timed without the baseline");
        }
        return compare(interleaved.p50Ms(), interleaved.p50Interval(), p, "the baseline timed in the same rounds");
    }

    private static LatencyComparison compare(double baselineMs, Interval baselineInterval, Measurement p, String basis) {
        return compare(baselineMs, baselineInterval, p.latencyP50Ms(), p.latencyP50Interval(), basis);
    }

    private static LatencyComparison compare(double baselineMs, Interval baselineInterval, double pointMs,
                                             Interval pointInterval, String basis) {
        double gain = baselineMs > 0 && pointMs > 0 ? baselineMs / pointMs : Double.NaN;
        if (baselineInterval == null || pointInterval == null) {
            return new LatencyComparison(Kind.NO_INTERVAL, gain, basis + ", without intervals");
        }
        if (!pointInterval.separatesFrom(baselineInterval)) {
            return new LatencyComparison(Kind.NO_MEASURABLE_DIFFERENCE, gain, basis);
        }
        return new LatencyComparison(pointMs < baselineMs ? Kind.FASTER : Kind.SLOWER, gain, basis);
    }

    /** Whether a difference is claimed (the intervals separate). */
    public boolean measurable() {
        return kind == Kind.FASTER || kind == Kind.SLOWER;
    }

    /**
     * The gain as the claim it supports: "1.35x faster", "0.80x (slower)", "no measurable difference",
     * "1.02x (no interval)", or "not compared".
     */
    public String text() {
        return switch (kind) {
            case FASTER -> Gains.factor(gain) + " faster";
            case SLOWER -> Gains.factor(gain) + " (slower)";
            case NO_MEASURABLE_DIFFERENCE -> NO_MEASURABLE_DIFFERENCE;
            case NO_INTERVAL -> Gains.factor(gain) + " (no interval)";
            case NOT_COMPARABLE -> "not compared";
            case SAME_POINT -> "1.00x";
        };
    }

    /** One sentence for a tooltip: the claim and what it rests on. */
    public String explain() {
        return switch (kind) {
            case FASTER, SLOWER -> String.format(Locale.ROOT, "%s: the 95%% intervals of the p50s separate (against %s)",
                    text(), basis);
            case NO_MEASURABLE_DIFFERENCE -> String.format(Locale.ROOT,
                    "no measurable difference: the 95%% intervals of the p50s overlap (%s against %s)",
                    Gains.factor(gain), basis);
            case NO_INTERVAL -> text() + ": measured without an interval, so no difference is claimed";
            case NOT_COMPARABLE -> "latency not compared: " + basis;
            case SAME_POINT -> basis;
        };
    }
}
