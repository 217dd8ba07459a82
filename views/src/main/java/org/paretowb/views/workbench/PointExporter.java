package org.paretowb.views.workbench;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.paretowb.models.measure.EvaluatedPoint;

/** Writes a point's network to a file and loads it back; completes with a one-line description of the result. */
@FunctionalInterface
public interface PointExporter {
    CompletableFuture<String> export(EvaluatedPoint point, Path file);
}
