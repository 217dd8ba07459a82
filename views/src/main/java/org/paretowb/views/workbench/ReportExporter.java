package org.paretowb.views.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * Writes a report of points (against the baseline among {@code all}) to a file whose extension names the
 * format; completes with a one-line description.
 */
@FunctionalInterface
public interface ReportExporter {
    CompletableFuture<String> export(List<EvaluatedPoint> points, List<EvaluatedPoint> all, Path file);
}
