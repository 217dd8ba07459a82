package org.paretowb.views.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.EvaluatedPoint;
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
        rows.add(number("Top-1 accuracy (%)", m -> m.accuracy() * 100, "%.2f", "%+.2f points", a, b));
        rows.add(number("Top-5 accuracy (%)", m -> m.top5() * 100, "%.2f", "%+.2f points", a, b));
        rows.add(number("Latency p50 (ms)", Measurement::latencyP50Ms, "%.3f", "%.2fx", a, b));
        rows.add(number("Latency p95 (ms)", Measurement::latencyP95Ms, "%.3f", "%.2fx", a, b));
        rows.add(number("Size (bytes)", m -> m.sizeBytes(), "%,.0f", "%.2fx", a, b));
        rows.add(number("Parameters", m -> m.parameters(), "%,.0f", "%.2fx", a, b));
        rows.add(number("Non-zeros", m -> m.nonZeros(), "%,.0f", "%.2fx", a, b));
        rows.add(number("MACs per image", m -> m.macs(), "%,.0f", "%.2fx", a, b));
        rows.add(number("Throughput (images/s, batch 64)", Measurement::throughput, "%,.0f", "%.2fx", a, b));
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

    /** A ratio (B over A) where {@code difference} has an "x", else B minus A. */
    private static Row number(String what, ToDoubleFunction<Measurement> value, String format, String difference,
                              EvaluatedPoint a, EvaluatedPoint b) {
        double va = value.applyAsDouble(a.measurement());
        double vb = value.applyAsDouble(b.measurement());
        String delta = va == vb ? "" : difference.endsWith("x")
                ? (va == 0 ? "" : String.format(Locale.ROOT, difference, vb / va))
                : String.format(Locale.ROOT, difference, vb - va);
        return new Row(what, String.format(Locale.ROOT, format, va), String.format(Locale.ROOT, format, vb), delta);
    }

    /** The recipes of both, for a window title. */
    public static String title(Recipe a, Recipe b) {
        return a.summary() + "  vs  " + b.summary();
    }
}
