package org.paretowb.models.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A measurement's figures as text, each with its 95% interval where it has one, so that the table, the tooltips,
 * the report and the commands say the same thing: a subset's top-1 with its Wilson interval, a p50 with the interval
 * of its rounds, and which session and machine it came from.
 */
public final class FigureText {
    private FigureText() {
    }

    /** Top-1 in percent for a table cell: "92.03" on the whole set, "92.03 ±1.68" on a subset. */
    public static String accuracyCell(Measurement m) {
        String top1 = String.format(Locale.ROOT, "%.2f", m.accuracy() * 100);
        if (!m.how().subset()) {
            return top1;
        }
        return top1 + String.format(Locale.ROOT, " \u00b1%.2f", m.accuracyInterval().plusMinus(m.accuracy()) * 100);
    }

    /** The p50 in milliseconds for a table cell: "0.063 ±0.003"; just "0.063" when it was timed without one. */
    public static String latencyCell(Measurement m) {
        String p50 = String.format(Locale.ROOT, "%.3f", m.latencyP50Ms());
        Interval i = m.latencyP50Interval();
        return i == null ? p50 : p50 + String.format(Locale.ROOT, " \u00b1%.3f", i.plusMinus(m.latencyP50Ms()));
    }

    /**
     * "Top-1 92.03% (95% CI 90.35–93.53%, Wilson: a subset of 1,000 images)" or "Top-1 92.03% on all 10,000
     * images (exact for this set)".
     */
    public static String accuracyLine(Measurement m) {
        if (!m.how().subset()) {
            return String.format(Locale.ROOT, "Top-1 %.2f%% on all %,d images (exact for this set)",
                    m.accuracy() * 100, m.samples());
        }
        Interval i = m.accuracyInterval();
        return String.format(Locale.ROOT, "Top-1 %.2f%% (95%% CI %.2f\u2013%.2f%%, Wilson: a subset of %,d images)",
                m.accuracy() * 100, i.low() * 100, i.high() * 100, m.samples());
    }

    /**
     * "Batch-1 p50 0.063 ms (95% CI 0.060–0.065 ms, 12 rounds), p95 0.093 ms", saying when the time cap stopped the
     * rounds short of ±5% and when the figure has no interval.
     */
    public static String latencyLine(Measurement m) {
        Interval i = m.latencyP50Interval();
        String p50 = String.format(Locale.ROOT, "Batch-1 p50 %.3f ms", m.latencyP50Ms());
        String p95 = String.format(Locale.ROOT, ", p95 %.3f ms", m.latencyP95Ms());
        if (i == null) {
            return p50 + " (no interval: measured by an older version)" + p95;
        }
        String rounds = m.how().latencyRounds() > 0 ? String.format(Locale.ROOT, ", %d rounds", m.how().latencyRounds())
                : "";
        String capped = m.how().latencyCapped() ? String.format(Locale.ROOT, "; time cap reached before \u00b1%d%%",
                Provenance.LATENCY_TARGET_PERCENT) : "";
        Interval across = m.latencyP50IntervalAcrossProcesses();
        String processes = across == null ? "; in this process: the spread between processes was not measured"
                : String.format(Locale.ROOT, "; across processes %.3f\u2013%.3f ms, with the \u00b1%.0f%% measured"
                        + " between processes on this machine", across.low(), across.high(),
                        m.how().processSpread() * 100);
        return p50 + String.format(Locale.ROOT, " (95%% CI %.3f\u2013%.3f ms%s%s%s)", i.low(), i.high(), rounds,
                capped, processes) + p95;
    }

    /**
     * Where the point comes from when it is not this session's: "" for a point of {@code session}, else "measured in
     * another session, on this machine" or "... on another machine (name)"; "measured before sessions were
     * recorded" for older points.
     */
    public static String origin(Provenance how, String session, String machine) {
        if (!how.session().isEmpty() && how.session().equals(session)) {
            return "";
        }
        if (how.session().isEmpty()) {
            return "measured in an earlier session (before sessions were recorded): latency not compared with this"
                    + " session's baseline";
        }
        String where = how.machine().equals(machine) ? "on this machine" : "on another machine (" + how.machine() + ")";
        return "measured in another session (" + how.session() + ") " + where
                + ": latency not compared with this session's baseline";
    }

    /** "Other processes took 72% of the CPU while measuring: latency likely overstated", or "" when not busy. */
    public static String load(Provenance how) {
        if (!how.busy()) {
            return "";
        }
        return String.format(Locale.ROOT, "Other processes took %.0f%% of the CPU while measuring: latency and"
                + " throughput likely overstated", how.otherCpuShare() * 100);
    }

    /**
     * A point's tooltip, one fact a line: the recipe, top-1 with its interval, the p50 with its interval and its
     * comparison with the baseline (null: none), size, and where it came from when not this session.
     */
    public static String tooltip(EvaluatedPoint p, EvaluatedPoint baseline, String session, String machine) {
        Measurement m = p.measurement();
        List<String> lines = new ArrayList<>();
        lines.add("#" + p.id() + " " + p.title());
        lines.add(accuracyLine(m));
        lines.add(latencyLine(m));
        if (baseline != null && !p.baseline()) {
            lines.add("Latency against the baseline: " + LatencyComparison.of(baseline, p).explain());
        }
        lines.add(String.format(Locale.ROOT, "Size %,d bytes", m.sizeBytes()));
        String origin = origin(m.how(), session, machine);
        if (!origin.isEmpty()) {
            lines.add(capitalised(origin));
        }
        String load = load(m.how());
        if (!load.isEmpty()) {
            lines.add(load);
        }
        return String.join("\n", lines);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
