package org.paretowb.views.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.services.evaluate.MeasuringSession;

/**
 * What the main window does with files besides measuring, given to its view model when it is made. The application
 * backs each with a use case of services ({@code ModelExport}, {@code ReportExport}, {@code ModelSource}); each
 * runs off the FX thread.
 */
public interface WorkbenchActions {
    /**
     * Writes a point's network to a file and loads it back, as a job on the window's session (cancellable: a
     * cancelled export leaves no file); completes with a one-line description of the result.
     */
    MeasuringSession.Handle<String> exportPoint(EvaluatedPoint point, Path file);

    /**
     * Writes a report of {@code points} (against the baseline among {@code all}) to a file whose extension names
     * the format; completes with the bytes written.
     */
    CompletableFuture<Long> writeReport(List<EvaluatedPoint> points, List<EvaluatedPoint> all, Path file);

    /** Opens a model file in a new window; completes once it opens, or fails with what is wrong with the file. */
    CompletableFuture<Void> openModel(Path file);

    /** Whether the window offers them (a test's window may not). */
    default boolean offered() {
        return true;
    }

    /** None of them: export, reports and opening a model are not offered. */
    WorkbenchActions NONE = new WorkbenchActions() {
        @Override
        public MeasuringSession.Handle<String> exportPoint(EvaluatedPoint point, Path file) {
            throw new UnsupportedOperationException("export is not offered in this window");
        }

        @Override
        public CompletableFuture<Long> writeReport(List<EvaluatedPoint> points, List<EvaluatedPoint> all, Path file) {
            throw new UnsupportedOperationException("reports are not offered in this window");
        }

        @Override
        public CompletableFuture<Void> openModel(Path file) {
            throw new UnsupportedOperationException("opening a model is not offered in this window");
        }

        @Override
        public boolean offered() {
            return false;
        }
    };
}
