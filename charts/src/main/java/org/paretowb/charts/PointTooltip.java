package org.paretowb.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;

/**
 * The text shown when the pointer rests on a marker: for each point there, its number and recipe, then its figures
 * a line each, every line at most {@value #WIDTH} characters (wrapped at spaces), so a tooltip is a readable block,
 * never one line across the screen.
 */
public final class PointTooltip {
    /** The longest line, in characters. */
    public static final int WIDTH = 60;

    private PointTooltip() {
    }

    public static String of(PointGroup group) {
        return of(group, p -> List.of());
    }

    /** As {@link #of(PointGroup)}, each point's lines followed by the chart's {@code notes} on it. */
    public static String of(PointGroup group, Function<EvaluatedPoint, List<String>> notes) {
        List<String> lines = new ArrayList<>();
        if (group.size() > 1) {
            lines.add(group.size() + " points with the same figures here:");
        }
        for (EvaluatedPoint p : group.points()) {
            if (group.size() > 1) {
                lines.add("");
            }
            lines.addAll(of(p));
            lines.addAll(notes.apply(p));
        }
        return String.join("\n", lines);
    }

    /** One point's lines. */
    public static List<String> of(EvaluatedPoint p) {
        Measurement m = p.measurement();
        List<String> lines = new ArrayList<>(wrap((p.id() > 0 ? "#" + p.id() + " " : "") + p.title(), WIDTH));
        lines.add(String.format(Locale.ROOT, "top-1 %.2f%% on %,d images (%s)", m.accuracy() * 100, m.samples(),
                p.subset() ? "live subset" : "full set"));
        lines.add(String.format(Locale.ROOT, "latency p50 %.3f ms, p95 %.3f ms", m.latencyP50Ms(), m.latencyP95Ms()));
        lines.add(String.format(Locale.ROOT, "%,d bytes, %,d parameters, %,d MACs", m.sizeBytes(), m.parameters(),
                m.macs()));
        lines.add(String.format(Locale.ROOT, "%,.0f images/s at batch 64, %s", m.throughput(), p.engine()));
        return lines;
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces (a longer word stands alone). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
