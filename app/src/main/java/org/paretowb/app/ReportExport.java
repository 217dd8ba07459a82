package org.paretowb.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paretowb.charts.report.HtmlReport;
import org.paretowb.charts.report.PdfReport;
import org.paretowb.charts.report.PointsCsv;
import org.paretowb.charts.report.PointsJson;
import org.paretowb.charts.report.ReportInput;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.pareto.Frontiers;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;

/**
 * Writes a report of points, in the format its file name says: .html (self-contained, charts as SVG),
 * .pdf (the same content), .csv or .json. Written through a temporary file: a failed write leaves nothing.
 */
public final class ReportExport {
    /** Which points a report covers. */
    public enum Scope { ALL, FRONTIER, SELECTED }

    private ReportExport() {
    }

    /** Refuses, with a message, a file name whose extension is not a report format. */
    public static void requireFormat(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".pdf") || name.endsWith(".csv")
                || name.endsWith(".json"))) {
            throw new IllegalArgumentException("a report file must end in .html, .pdf, .csv or .json: " + out);
        }
    }

    /** The points of {@code all} a scope keeps (the frontier: on the latency or the size frontier). */
    public static List<EvaluatedPoint> select(List<EvaluatedPoint> all, Scope scope, List<EvaluatedPoint> selected) {
        return switch (scope) {
            case ALL -> all;
            case FRONTIER -> Frontiers.latencyOrSize(all);
            case SELECTED -> selected;
        };
    }

    /**
     * The baseline to compare with: on the engine of the first baseline measured (the window's own engine,
     * so that a baseline measured again on DJL's PyTorch does not become the reference of ONNX Runtime
     * points), the one measured on the most images, the newest of equals.
     */
    public static EvaluatedPoint baselineOf(List<EvaluatedPoint> all) {
        String engine = all.stream().filter(EvaluatedPoint::baseline).min(Comparator.comparingInt(EvaluatedPoint::id))
                .map(EvaluatedPoint::engine).orElse(null);
        return all.stream().filter(p -> p.baseline() && p.engine().equals(engine))
                .max(Comparator.comparingInt((EvaluatedPoint p) -> p.measurement().samples())
                        .thenComparingInt(EvaluatedPoint::id))
                .orElse(null);
    }

    /**
     * @param evaluationSet the images the points were measured on, or null when they are not at hand (the
     *                      flipped-image grid is then left out)
     */
    public static ReportInput input(PointContext context, List<EvaluatedPoint> points, EvaluatedPoint baseline,
                                    LabeledImages evaluationSet, Map<String, String> environment) {
        return input(context, points, baseline, evaluationSet, FashionMnist.CLASS_NAMES, environment);
    }

    /** As above, naming the classes by the model's {@code classNames}. */
    public static ReportInput input(PointContext context, List<EvaluatedPoint> points, EvaluatedPoint baseline,
                                    LabeledImages evaluationSet, List<String> classNames,
                                    Map<String, String> environment) {
        LabeledImages images = evaluationSet != null && ContentHash.of(evaluationSet).equals(context.dataHash())
                ? evaluationSet : null;
        Map<String, String> env = new LinkedHashMap<>(environment);
        return new ReportInput("Pareto Workbench report: " + context.model(), context.model(), context.data(), points,
                baseline, images, classNames, env, Instant.now());
    }

    public static void write(ReportInput input, Path out) throws Exception {
        requireFormat(out);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".pdf")) {
            bytes = new PdfReport().bytes(input);
        } else if (name.endsWith(".csv")) {
            bytes = new PointsCsv().bytes(input);
        } else if (name.endsWith(".json")) {
            bytes = new PointsJson().bytes(input);
        } else {
            bytes = new HtmlReport().bytes(input);
        }
        AtomicFile.write(out, temp -> Files.write(temp, bytes));
    }
}
