package org.paretowb.views.workbench;

import java.nio.file.Path;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.services.evaluate.MeasuringSession;

/**
 * Writes a point's network to a file and loads it back, as a job on the window's session (cancellable: a
 * cancelled export leaves no file); completes with a one-line description of the result.
 */
@FunctionalInterface
public interface PointExporter {
    MeasuringSession.Handle<String> export(EvaluatedPoint point, Path file);
}
