package org.paretowb.charts.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;

/** Figures as the report prints them: fixed decimals, thousands separators, units. */
final class Figures {
    private Figures() {
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", fraction * 100) : "n/a";
    }

    /** A change of a fraction in percentage points, signed: "+0.40 pp", "-1.25 pp". */
    static String points(double fractionChange) {
        return Double.isFinite(fractionChange) ? String.format(Locale.ROOT, "%+.2f pp", fractionChange * 100) : "n/a";
    }

    static String ms(double ms) {
        return Double.isFinite(ms) ? String.format(Locale.ROOT, "%.3f", ms) : "n/a";
    }

    /** "0.063 ms ±0.003" with the p50's 95% interval; "0.063 ms" for a point timed without one. */
    static String msWithInterval(Measurement m) {
        Interval i = m.latencyP50Interval();
        return ms(m.latencyP50Ms()) + " ms" + (i == null ? "" : " \u00b1" + ms(i.plusMinus(m.latencyP50Ms())));
    }

    /** " ±1.68 pp (95%, subset)" after a subset's top-1; "" on the whole set, where it is exact. */
    static String accuracyInterval(Measurement m) {
        if (!m.how().subset()) {
            return "";
        }
        return String.format(Locale.ROOT, " \u00b1%.2f pp (95%%, subset)", m.accuracyInterval().plusMinus(m.accuracy())
                * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d B", n);
    }

    static String perSecond(double n) {
        return Double.isFinite(n) ? String.format(Locale.ROOT, "%,.0f/s", n) : "n/a";
    }

    /** "#1, #3 and #4", or "every point" when these are all of them. */
    static String ids(List<EvaluatedPoint> these, int of) {
        if (these.size() == of && of > 1) {
            return "every point";
        }
        List<String> ids = these.stream().map(p -> "#" + p.id()).toList();
        if (ids.size() <= 1) {
            return String.join("", ids);
        }
        return ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + ids.get(ids.size() - 1);
    }

    /** The engine's name without its settings or host library: "ONNX Runtime 1.21.1". */
    static String engineName(String engine) {
        int end = engine.length();
        for (String stop : new String[] {",", " ("}) {
            int at = engine.indexOf(stop);
            end = at > 0 ? Math.min(end, at) : end;
        }
        return engine.substring(0, end);
    }
}
