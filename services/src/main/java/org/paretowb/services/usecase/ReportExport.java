package org.paretowb.services.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.report.ReportFormat;
import org.paretowb.models.report.ReportInput;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;

/**
 * Writes a report of points in the format its file name says (.html, .pdf, .csv or .json), through a temporary
 * file: a failed write leaves nothing. The drawing is the renderer's (the charts module's, wired by the
 * application), so this module needs no chart library.
 */
public final class ReportExport {
    /** Draws a report in a format. */
    @FunctionalInterface
    public interface Renderer {
        byte[] render(ReportInput input, ReportFormat format);
    }

    private final Renderer renderer;

    public ReportExport(Renderer renderer) {
        this.renderer = renderer;
    }

    /** The format {@code out} asks for; refuses, with a message, a name whose extension is not a report format. */
    public static ReportFormat requireFormat(Path out) {
        return ReportFormat.of(out);
    }

    /**
     * What a report of {@code points} measured in {@code context} is made from.
     *
     * @param evaluationSet the images the points were measured on; left out (and with it the flipped-image grid)
     *                      when null or when they are not the context's images
     * @param classNames a name per class index
     */
    public static ReportInput input(PointContext context, List<EvaluatedPoint> points, EvaluatedPoint baseline,
                                    LabeledImages evaluationSet, List<String> classNames,
                                    Map<String, String> environment) {
        LabeledImages images = evaluationSet != null && ContentHash.of(evaluationSet).equals(context.dataHash())
                ? evaluationSet : null;
        return new ReportInput("Pareto Workbench report: " + context.model(), context.model(), context.data(), points,
                baseline, images, classNames, environment, Instant.now());
    }

    /** Writes the report to {@code out}; returns the bytes written. */
    public long write(ReportInput input, Path out) throws java.io.IOException {
        byte[] bytes = renderer.render(input, requireFormat(out));
        AtomicFile.write(out, temp -> Files.write(temp, bytes));
        return bytes.length;
    }
}
