package org.paretowb.views.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.LatencyComparison;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;

/** Two points side by side: one row per recipe setting and per figure, with the difference where it means one. */
public final class Comparison {
    /** One row: what, the two values, and how B differs from A (empty when equal or not comparable). */
    public record Row(String what, String a, String b, String difference) {
        public boolean differs() {
            return !a.equals(b);
        }
    }

    private Comparison() {
    }

    public static List<Row> of(EvaluatedPoint a, EvaluatedPoint b) {
        List<Row> rows = new ArrayList<>();
        rows.add(text("Point", p -> "#" + p.id() + (p.name().isEmpty() ? "" : " " + p.name()), a, b));
        rows.add(text("Distillation", p -> p.recipe().distillation().active() ? p.recipe().distillation().summary()
                : "none", a, b));
        rows.add(text("Structured pruning", p -> setting(p.recipe().structured().active(),
                () -> percent(p.recipe().structured().ratio()) + " of channels, " + p.recipe().structured().norm()), a, b));
        rows.add(text("Low-rank", p -> setting(p.recipe().lowRank().active(),
                () -> percent(p.recipe().lowRank().fraction()) + " kept"), a, b));
        rows.add(text("Pruning", p -> setting(p.recipe().pruning().active(),
                () -> percent(p.recipe().pruning().sparsity()) + " sparsity"), a, b));
        rows.add(text("Fine-tuning", p -> setting(p.recipe().fineTune().active(),
                () -> p.recipe().fineTune().epochs() + " epochs"), a, b));
        rows.add(text("Quantization", p -> setting(p.recipe().quantization().active(),
                () -> p.recipe().quantization().summary()), a, b));
        rows.add(number("Top-1 accuracy (%)", m -> m.accuracy() * 100, "%.2f", "%+.2f points", a, b,
                accuracy()));
        rows.add(number("Top-5 accuracy (%)", m -> m.top5() * 100, "%.2f", "%+.2f points", a, b, top5()));
        rows.add(number("Latency p50 (ms)", Measurement::latencyP50Ms, "%.3f", "%.2fx", a, b, latency(a, b)));
        rows.add(number("Latency p95 (ms)", Measurement::latencyP95Ms, "%.3f", "%.2fx", a, b,
                sameSession(a, b) ? WITHOUT_INTERVAL : NOT_COMPARED));
        rows.add(number("Size (bytes)", m -> m.sizeBytes(), "%,.0f", "%.2fx", a, b,
                plain(Verdict.LOWER_IS_BETTER, m -> m.sizeBytes(), "larger", "smaller")));
        rows.add(number("Parameters", m -> m.parameters(), "%,.0f", "%.2fx", a, b,
                plain(Verdict.LOWER_IS_BETTER, m -> m.parameters(), "more", "fewer")));
        rows.add(number("Non-zeros", m -> m.nonZeros(), "%,.0f", "%.2fx", a, b,
                plain(Verdict.LOWER_IS_BETTER, m -> m.nonZeros(), "more", "fewer")));
        rows.add(number("MACs per image", m -> m.macs(), "%,.0f", "%.2fx", a, b,
                plain(Verdict.LOWER_IS_BETTER, m -> m.macs(), "more", "fewer")));
        rows.add(number("Throughput (images/s, batch 64)", Measurement::throughput, "%,.0f", "%.2fx", a, b,
                sameSession(a, b) ? WITHOUT_INTERVAL : NOT_COMPARED));
        rows.add(text("Images", p -> String.format(Locale.ROOT, "%,d (%s)", p.measurement().samples(),
                p.subset() ? "live subset" : "full set"), a, b));
        rows.add(text("Network", p -> p.measurement().network(), a, b));
        rows.add(text("Kernels", p -> p.measurement().how().kernels(), a, b));
        rows.add(text("int8 layers", p -> p.measurement().how().int8Layers().isEmpty() ? "none"
                : String.join(", ", p.measurement().how().int8Layers()), a, b));
        rows.add(text("Engine", p -> p.measurement().how().engine(), a, b));
        return rows;
    }

    private static String setting(boolean active, java.util.function.Supplier<String> text) {
        return active ? text.get() : "off";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static Row text(String what, Function<EvaluatedPoint, String> value, EvaluatedPoint a, EvaluatedPoint b) {
        String va = value.apply(a);
        String vb = value.apply(b);
        return new Row(what, va, vb, va.equals(vb) ? "" : "differs");
    }

    /** Words for a latency of another session: its machine's load and state were others. */
    private static final ToVerdict NOT_COMPARED = (a, b) -> "not compared: measured in different sessions";

    /**
     * Words for a timing measured without an interval (the p95, throughput): the same network timed twice here
     * differs by tens of percent in either (throughput 19,046 against 12,904 images/s for the same dense kernels), so
     * no direction is claimed.
     */
    private static final ToVerdict WITHOUT_INTERVAL = (a, b) -> "no claim: measured without an interval";

    /** The words that follow B's difference from A. */
    private interface ToVerdict {
        String of(Measurement a, Measurement b);
    }

    private static ToVerdict plain(Verdict verdict, ToDoubleFunction<Measurement> value, String more, String less) {
        return (a, b) -> verdict.of(value.applyAsDouble(a), value.applyAsDouble(b), null, null, more, less);
    }

    /** Top-1: better or worse, or no measurable difference where a subset's Wilson intervals overlap. */
    private static ToVerdict accuracy() {
        return (a, b) -> Verdict.HIGHER_IS_BETTER.of(a.accuracy(), b.accuracy(), a.accuracyInterval(), b.accuracyInterval(), "", "");
    }

    /** Top-5 likewise: a subset's carries its Wilson interval, a full set's is exact. */
    private static ToVerdict top5() {
        return (a, b) -> Verdict.HIGHER_IS_BETTER.of(a.top5(), b.top5(), a.top5Interval(), b.top5Interval(), "", "");
    }

    /** The p50: faster or slower only where the 95% intervals separate, and only within one session. */
    private static ToVerdict latency(EvaluatedPoint pa, EvaluatedPoint pb) {
        if (!sameSession(pa, pb)) {
            return NOT_COMPARED;
        }
        // a point against the baseline it was timed with, in the same rounds (as the table and the report compare)
        if (pa.baseline() && pb.measurement().sessionBaseline() != null) {
            return (a, b) -> withinRounds(LatencyComparison.withinRounds(b), false);
        }
        if (pb.baseline() && pa.measurement().sessionBaseline() != null) {
            return (a, b) -> withinRounds(LatencyComparison.withinRounds(a), true);
        }
        return (a, b) -> Verdict.LOWER_IS_BETTER.of(a.latencyP50Ms(), b.latencyP50Ms(), a.latencyP50Interval(),
                b.latencyP50Interval(),
                "slower", "faster");
    }

    /** The words for a comparison with the baseline timed in the same rounds; {@code flipped} when A is the point. */
    private static String withinRounds(LatencyComparison c, boolean flipped) {
        if (!c.measurable()) {
            return LatencyComparison.NO_MEASURABLE_DIFFERENCE + " (same rounds as the baseline)";
        }
        boolean faster = (c.kind() == LatencyComparison.Kind.FASTER) != flipped;
        return (faster ? "faster, better" : "slower, worse") + " (same rounds as the baseline)";
    }

    private static boolean sameSession(EvaluatedPoint a, EvaluatedPoint b) {
        var ha = a.measurement().how();
        var hb = b.measurement().how();
        return ha.engine().equals(hb.engine()) && (ha.sameSession(hb) || ha.session().isEmpty() && hb.session().isEmpty());
    }

    /**
     * A ratio (B over A) where {@code difference} has an "x", else B minus A; then which way that is
     * ("0.70x: smaller, better").
     */
    private static Row number(String what, ToDoubleFunction<Measurement> value, String format, String difference,
                              EvaluatedPoint a, EvaluatedPoint b, ToVerdict verdict) {
        double va = value.applyAsDouble(a.measurement());
        double vb = value.applyAsDouble(b.measurement());
        String delta = va == vb ? "" : difference.endsWith("x")
                ? (va == 0 ? "" : String.format(Locale.ROOT, difference, vb / va))
                : String.format(Locale.ROOT, difference, vb - va);
        String words = va == vb ? "" : verdict.of(a.measurement(), b.measurement());
        return new Row(what, String.format(Locale.ROOT, format, va), String.format(Locale.ROOT, format, vb),
                delta.isEmpty() || words.isEmpty() ? delta + words : delta + ": " + words);
    }

    /** The recipes of both, for a window title. */
    public static String title(Recipe a, Recipe b) {
        return a.summary() + "  vs  " + b.summary();
    }
}
