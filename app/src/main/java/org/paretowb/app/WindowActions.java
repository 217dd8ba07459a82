package org.paretowb.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.paretowb.charts.report.ReportRenderer;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.report.ReportInput;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.usecase.ModelExport;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.ReportExport;
import org.paretowb.views.inputs.ModelInputs;
import org.paretowb.views.workbench.WorkbenchActions;

/**
 * The main window's file actions, each a use case of services on the window's current inputs: a point exported
 * on the window's session, a report written on a thread of its own (a PDF takes seconds; the lane stays free),
 * a model file read on another before its window opens.
 */
final class WindowActions implements WorkbenchActions {
    private static final Executor REPORTS = WorkbenchWindow.daemon("reports");
    private static final Executor MODEL_READING = WorkbenchWindow.daemon("model-reading");

    private final MeasuringSession session;
    private final Supplier<ModelInputs> inputs;
    private final Supplier<PointContext> pointsContext;
    private final Function<ModelSource, CompletableFuture<WorkbenchWindow>> opener;
    private final ReportExport reports = new ReportExport(ReportRenderer::bytes);

    /**
     * @param inputs what the window measures on now
     * @param pointsContext what the points shown were measured on (the workspace's context, else the inputs')
     * @param opener opens a read model in a new window
     */
    WindowActions(MeasuringSession session, Supplier<ModelInputs> inputs, Supplier<PointContext> pointsContext,
                  Function<ModelSource, CompletableFuture<WorkbenchWindow>> opener) {
        this.session = session;
        this.inputs = inputs;
        this.pointsContext = pointsContext;
        this.opener = opener;
    }

    @Override
    public MeasuringSession.Handle<String> exportPoint(EvaluatedPoint point, Path file) {
        // the runtimes are made when an export is asked for: ONNX Runtime's environment only after DJL's engine
        return new ModelExport(new ModelFiles(new PyTorchRuntime(), new OrtRuntime()))
                .submit(session, point, inputs.get().settings(), file);
    }

    @Override
    public CompletableFuture<Long> writeReport(List<EvaluatedPoint> points, List<EvaluatedPoint> all, Path file) {
        ModelInputs measuredOn = inputs.get();
        PointContext context = pointsContext.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reports.write(ReportExport.input(context, points, ReportInput.baselineOf(all),
                        measuredOn.evaluation(), measuredOn.settings().classNames(), Environment.current()), file);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, REPORTS);
    }

    @Override
    public CompletableFuture<Void> openModel(Path file) {
        return CompletableFuture.supplyAsync(() -> ModelSource.file(file), MODEL_READING)
                .thenCompose(opener).thenAccept(window -> { });
    }
}
