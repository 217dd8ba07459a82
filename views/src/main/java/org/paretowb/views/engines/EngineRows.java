package org.paretowb.views.engines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.Engines;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;

/**
 * One recipe's figures on ONNX Runtime beside its figures on DJL's PyTorch: the selected point and the
 * point of the same recipe measured on the same images on the other engine, row by row, with how ONNX
 * Runtime fares against DJL. No JavaFX here.
 */
public final class EngineRows {
    /** The recipe on ONNX Runtime and on DJL PyTorch; either may be null (not measured there). */
    public record Pair(EvaluatedPoint ort, EvaluatedPoint djl) {
        public static final Pair NONE = new Pair(null, null);

        public boolean complete() {
            return ort != null && djl != null;
        }
    }

    /** One row: what, its value on each engine, and ONNX Runtime against DJL (empty when not comparable). */
    public record Row(String what, String ort, String djl, String ortAgainstDjl) {
    }

    private EngineRows() {
    }

    /**
     * The selected point and its counterpart: the latest point of the same recipe on the same number of
     * images on the other engine. A point on neither engine counts as the ONNX Runtime side.
     */
    public static Pair pairOf(EvaluatedPoint selected, List<EvaluatedPoint> all) {
        if (selected == null) {
            return Pair.NONE;
        }
        boolean onDjl = Engines.DJL_PYTORCH.equals(selected.engine());
        EvaluatedPoint other = all.stream()
                .filter(p -> p != selected && onDjl != Engines.DJL_PYTORCH.equals(p.engine()))
                .filter(p -> p.recipe().equals(selected.recipe()) && sameImages(p, selected))
                .max(Comparator.comparingInt(EvaluatedPoint::id)).orElse(null);
        return onDjl ? new Pair(other, selected) : new Pair(selected, other);
    }

    private static boolean sameImages(EvaluatedPoint a, EvaluatedPoint b) {
        return a.measurement().samples() == b.measurement().samples() && a.subset() == b.subset();
    }

    public static List<Row> of(Pair pair) {
        List<Row> rows = new ArrayList<>();
        if (pair.ort() == null && pair.djl() == null) {
            return rows;
        }
        rows.add(text("Point", p -> "#" + p.id() + " " + p.title(), pair));
        rows.add(text("Engine", p -> p.measurement().how().engine(), pair));
        rows.add(text("Kernels", p -> p.measurement().how().kernels(), pair));
        rows.add(number("Top-1 accuracy (%)", m -> m.accuracy() * 100, "%.2f", pair, Kind.POINTS));
        rows.add(number("Batch-1 latency p50 (ms)", Measurement::latencyP50Ms, "%.3f", pair, Kind.TIME));
        rows.add(number("Batch-1 latency p95 (ms)", Measurement::latencyP95Ms, "%.3f", pair, Kind.TIME));
        rows.add(number("Throughput (images/s, batch 64)", Measurement::throughput, "%,.0f", pair, Kind.RATE));
        rows.add(text("Images", p -> String.format(Locale.ROOT, "%,d (%s)", p.measurement().samples(),
                p.subset() ? "live subset" : "full set"), pair));
        rows.add(text("Threads (evaluation / batch 1)", p -> p.measurement().how().threads() + " / "
                + p.measurement().how().latencyThreads(), pair));
        return rows;
    }

    /** One line on the pair: where the point stands on both engines, or what to do to see it. */
    public static String summary(Pair pair) {
        if (pair.ort() == null && pair.djl() == null) {
            return "Select a point, then Point › Measure on DJL PyTorch (Ctrl+J): its recipe is measured again on"
                    + " DJL's PyTorch engine and its figures appear here beside ONNX Runtime's.";
        }
        if (pair.djl() == null) {
            return "#" + pair.ort().id() + " " + pair.ort().title() + " has not been measured on DJL PyTorch on these "
                    + String.format(Locale.ROOT, "%,d", pair.ort().measurement().samples())
                    + " images yet: Point › Measure on DJL PyTorch (Ctrl+J).";
        }
        Measurement djl = pair.djl().measurement();
        if (pair.ort() == null) {
            return String.format(Locale.ROOT, "#%d on DJL PyTorch: batch-1 p50 %.3f ms, %.2f%% top-1, %,.0f images/s;"
                    + " no point of this recipe on ONNX Runtime on the same images.", pair.djl().id(),
                    djl.latencyP50Ms(), djl.accuracy() * 100, djl.throughput());
        }
        Measurement ort = pair.ort().measurement();
        return String.format(Locale.ROOT, "%s: batch-1 p50 %.3f ms on ONNX Runtime (#%d), %.3f ms on DJL PyTorch (#%d):"
                        + " %s on ONNX Runtime; throughput %,.0f against %,.0f images/s; top-1 %.2f%% and %.2f%%.",
                pair.ort().recipe().summary(), ort.latencyP50Ms(), pair.ort().id(), djl.latencyP50Ms(), pair.djl().id(),
                against(Kind.TIME, ort.latencyP50Ms(), djl.latencyP50Ms()), ort.throughput(), djl.throughput(),
                ort.accuracy() * 100, djl.accuracy() * 100);
    }

    private enum Kind { POINTS, TIME, RATE }

    private static Row text(String what, java.util.function.Function<EvaluatedPoint, String> value, Pair pair) {
        return new Row(what, pair.ort() == null ? "not measured" : value.apply(pair.ort()),
                pair.djl() == null ? "not measured" : value.apply(pair.djl()), "");
    }

    private static Row number(String what, ToDoubleFunction<Measurement> value, String format, Pair pair, Kind kind) {
        String ort = pair.ort() == null ? "not measured"
                : String.format(Locale.ROOT, format, value.applyAsDouble(pair.ort().measurement()));
        String djl = pair.djl() == null ? "not measured"
                : String.format(Locale.ROOT, format, value.applyAsDouble(pair.djl().measurement()));
        String against = pair.complete() ? against(kind, value.applyAsDouble(pair.ort().measurement()),
                value.applyAsDouble(pair.djl().measurement())) : "";
        return new Row(what, ort, djl, against);
    }

    /** ONNX Runtime's figure against DJL's: points of accuracy, or how many times faster. */
    private static String against(Kind kind, double ort, double djl) {
        if (kind == Kind.POINTS) {
            return String.format(Locale.ROOT, "%+.2f points", ort - djl);
        }
        double speedUp = kind == Kind.TIME ? djl / ort : ort / djl; // above 1: ONNX Runtime is faster
        if (!Double.isFinite(speedUp) || speedUp <= 0) {
            return "";
        }
        return speedUp >= 1 ? String.format(Locale.ROOT, "%.2fx faster", speedUp)
                : String.format(Locale.ROOT, "%.2fx slower", 1 / speedUp);
    }
}
