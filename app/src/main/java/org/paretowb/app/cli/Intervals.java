package org.paretowb.app.cli;

import java.util.Locale;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.LatencyComparison;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;

/** The 95% intervals and the load beside a measurement's figures, as the commands' tables print them. */
final class Intervals {
    private Intervals() {
    }

    /** " (95% CI 90.3–93.7%, 1,000-image subset)" for a subset's top-1; "" on the whole set, where it is exact. */
    static String accuracy(Measurement m) {
        if (!m.how().subset()) {
            return "";
        }
        Interval i = m.accuracyInterval();
        return String.format(Locale.ROOT, " (95%% CI %.2f\u2013%.2f%%, Wilson)", i.low() * 100, i.high() * 100);
    }

    /** " (95% CI 0.068–0.074)", with "time cap reached" when the target was not; "" without an interval. */
    static String latency(Measurement m) {
        Interval i = m.latencyP50Interval();
        if (i == null) {
            return "";
        }
        return String.format(Locale.ROOT, " (95%% CI %.3f\u2013%.3f%s; %s)", i.low(), i.high(),
                m.how().latencyCapped() ? ", time cap reached before \u00b1" + Provenance.LATENCY_TARGET_PERCENT + "%"
                        : "", acrossProcesses(m));
    }

    /** The p50's interval across processes, or that it is not known: "between processes 0.049–0.083". */
    static String acrossProcesses(Measurement m) {
        Interval across = m.latencyP50IntervalAcrossProcesses();
        if (across == null) {
            return "this process only: the spread between processes was not measured (bench processes)";
        }
        return String.format(Locale.ROOT, "across processes %.3f\u2013%.3f, with the \u00b1%.0f%% measured by bench"
                + " processes", across.low(), across.high(), m.how().processSpread() * 100);
    }

    /** The point's p50 against the baseline timed in the same rounds. */
    static String againstBaseline(Measurement m) {
        if (m.sessionBaseline() == null) {
            return "this is the baseline (or it was timed alone)";
        }
        LatencyComparison c = LatencyComparison.withinRounds(m);
        Interval b = m.sessionBaseline().p50Interval();
        return String.format(Locale.ROOT, "%s (baseline timed in the same rounds: p50 %.3f ms, 95%% CI %.3f\u2013%.3f)",
                c.text(), m.sessionBaseline().p50Ms(), b.low(), b.high());
    }

    /** "; other processes took 3% of the CPU" and a warning above the threshold. */
    static String load(Provenance how) {
        if (how.otherCpuShare() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "; other processes took %.0f%% of the CPU while measuring%s",
                how.otherCpuShare() * 100, how.busy() ? " (busy: timing likely overstated)" : "");
    }
}
