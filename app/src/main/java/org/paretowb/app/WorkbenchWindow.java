package org.paretowb.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.PyTorchMeasuringEngine;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.views.engines.EngineFiguresView;
import org.paretowb.views.engines.EngineFiguresViewModel;
import org.paretowb.views.forgot.ForgettingView;
import org.paretowb.views.forgot.ForgettingViewModel;
import org.paretowb.views.inputs.InputsControls;
import org.paretowb.views.inputs.InputsViewModel;
import org.paretowb.views.inputs.ModelInputs;
import org.paretowb.views.layers.LayerProfileView;
import org.paretowb.views.layers.LayerProfileViewModel;
import org.paretowb.views.model.ModelView;
import org.paretowb.views.sensitivity.SensitivityView;
import org.paretowb.views.sensitivity.SensitivityViewModel;
import org.paretowb.views.training.TrainingJobView;
import org.paretowb.views.training.TrainingJobViewModel;
import org.paretowb.views.workbench.HistoryViewModel;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;
import org.paretowb.views.workbench.WorkspaceSession;

/** The main window: wires the window's measuring session, its view models and its view. */
final class WorkbenchWindow {
    private final MeasuringSession session;
    private final java.util.concurrent.ExecutorService workspaceThread = daemonService("workspace");
    private final WorkbenchViewModel model;
    private final LayerProfileViewModel layers;
    private final WorkbenchView view;
    private final SensitivityViewModel sensitivity;
    private final TrainingJobViewModel distillation;
    private final Scene scene;
    private final ModelSource source;
    private final InputsViewModel inputs;
    private final InputsControls inputControls;
    private final boolean askForSettings;
    private final String settingsNote;
    private final EngineFiguresViewModel engines;
    private boolean closed;

    /** The window without a workspace: points are not saved (screenshots, demonstrations). */
    WorkbenchWindow(ModelSource source) {
        this(new WindowInputs.Remembered(source, false, null), null);
    }

    /**
     * Opens a window on {@code source} and {@code workspace} (created if missing; null: none) and shows it on
     * {@code stage}: the settings the workspace remembers for the model are read off the FX thread (SQLite may
     * wait seconds for another process's lock), then the window is made on the FX thread. A workspace that cannot
     * be opened is reported in a dialog, and the window runs without one. Closing the stage closes the window.
     */
    static CompletableFuture<WorkbenchWindow> open(ModelSource source, java.nio.file.Path workspace, Stage stage) {
        return CompletableFuture.supplyAsync(() -> WindowInputs.remembered(source, workspace), REMEMBERING)
                .thenApplyAsync(remembered -> {
                    WorkbenchWindow window = new WorkbenchWindow(remembered, workspace);
                    stage.setOnHidden(e -> window.close());
                    window.show(stage);
                    return window;
                }, Platform::runLater);
    }

    private WorkbenchWindow(WindowInputs.Remembered remembered, java.nio.file.Path workspace) {
        this.source = remembered.source();
        this.settingsNote = remembered.note();
        this.askForSettings = !remembered.found() && WindowInputs.statesNothing(this.source);
        ModelInputs initial = WindowInputs.initial(this.source);
        int cores = Runtime.getRuntime().availableProcessors();
        this.session = new MeasuringSession(initial.context(), () -> WindowInputs.measurer(initial),
                () -> new PyTorchMeasuringEngine(new PyTorchRuntime(), cores));
        this.model = new WorkbenchViewModel(session, Platform::runLater, workspaceThread, this.source.title(),
                initial.dataTitle());
        HistoryViewModel history = model.history();
        this.layers = new LayerProfileViewModel(session, Platform::runLater, model::staticInt8Recipe);
        this.sensitivity = new SensitivityViewModel(session, Platform::runLater, () -> model.liveSamplesProperty().get());
        this.distillation = new TrainingJobViewModel(session, Platform::runLater, model::currentRecipe,
                () -> model.liveSamplesProperty().get(), history);
        this.view = new WorkbenchView(model, new LayerProfileView(layers).root(), new SensitivityView(sensitivity).root(),
                new TrainingJobView(distillation).root());
        this.scene = new Scene(view.root(), 1360, 860);
        model.setExporter(this::export);
        model.setModelOpener(this::openModel);
        this.inputs = new InputsViewModel(initial, session, model, WindowInputs::measurer, DATA_LOADING, Platform::runLater);
        model.setReportExporter((points, all, file) -> report(points, all, file, inputs.inputs()));
        ForgettingView forgetting = new ForgettingView(new ForgettingViewModel(initial.settings().classNames()));
        view.addTab("What it forgot", forgetting.root());
        ModelView network = new ModelView();
        view.addTab("Model", network.root());
        this.inputControls = InputsControls.install(view, model, inputs, InputsControls.SYSTEM);
        inputs.inputsProperty().addListener((obs, old, now) -> {
            forgetting.model().useClassNames(now.settings().classNames());
            sensitivity.clear();
            layers.clear();
        });
        model.knobs().quantization().int8Choice().layers().setAll(LayerNames.list(source.weights().spec()));
        this.engines = new EngineFiguresViewModel(session, Platform::runLater, history, model.errorProperty()::set);
        new EngineFiguresView(engines).attachTo(view);
        history.selectedProperty().addListener((obs, old, point) -> {
            EvaluatedPoint baseline = ReportExport.baselineOf(history.points());
            network.show(point, baseline);
            if (point == null || baseline == null || point.baseline()) {
                forgetting.model().clear();
            } else {
                forgetting.show(baseline, point, inputs.inputs().evaluation());
            }
        });
        if (workspace != null) {
            history.useWorkspace(new WorkspaceSession(context(), RecentWorkspaces.forUser(), Environment::current),
                    workspace);
        }
    }

    /**
     * Applies the point's recipe on the session, writes the file, loads it back and evaluates it on the point's
     * images; cancelled, it leaves no file.
     */
    private MeasuringSession.Handle<String> export(EvaluatedPoint point, java.nio.file.Path file) {
        ModelFormat format = ModelExport.formatOf(file);
        return session.submit(MeasuringSession.Order.QUEUED, (measurers, token) -> {
            if (format == null) {
                throw new IllegalArgumentException("the file name must end in .onnx, .djl or .pwb");
            }
            try {
                PointMeasurer measurer = measurers.main();
                Measurement measured = point.measurement();
                WeightSet weights = measurer.apply(point.recipe(), token);
                boolean onOrt = measured.how().engine().startsWith("ONNX Runtime");
                ModelExport.Result result = new ModelExport(new ModelFiles(new PyTorchRuntime(), new OrtRuntime()))
                        .write(weights, inputs.inputs().settings(), format,
                                ModelExport.int8Of(point.recipe(), measured), file,
                                measurer.evaluationSet().first(measured.samples()), onOrt, measured.accuracy(), token);
                return result.describe();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Writes a report on a background thread (a PDF takes seconds); the compute lane stays free. */
    private java.util.concurrent.CompletableFuture<String> report(List<EvaluatedPoint> points, List<EvaluatedPoint> all,
                                                                  java.nio.file.Path file, ModelInputs measuredOn) {
        PointContext context = model.history().workspace().map(WorkspaceSession::context)
                .orElseGet(this::context);
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                ReportExport.write(ReportExport.input(context, points, ReportExport.baselineOf(all),
                        measuredOn.evaluation(), measuredOn.settings().classNames(), Environment.current()), file);
                return String.format(java.util.Locale.ROOT, "Wrote the report of %d point(s) to %s (%,d bytes)",
                        points.size(), file, java.nio.file.Files.size(file));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, REPORTS);
    }

    private static final java.util.concurrent.Executor REPORTS = daemon("reports");
    /** Reads what a workspace remembers for a model before its window opens. */
    private static final java.util.concurrent.Executor REMEMBERING = daemon("workspace-settings");
    /** Reads data (a folder of 50,000 images takes a while); not the compute lane, which keeps measuring meanwhile. */
    private static final java.util.concurrent.Executor DATA_LOADING = daemon("data-loading");

    private static java.util.concurrent.Executor daemon(String name) {
        return daemonService(name);
    }

    private static java.util.concurrent.ExecutorService daemonService(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens a model file in a new window on the same workspace; a file that cannot be read gets a dialog. */
    private void openModel(java.nio.file.Path file) {
        ModelSource opened;
        try {
            opened = ModelSource.file(file);
        } catch (org.paretowb.app.UserError e) {
            model.errorProperty().set("Cannot open the model: " + e.getMessage());
            return;
        }
        open(opened, model.history().workspaceFileProperty().get(), new Stage());
    }

    private PointContext context() {
        return inputs.inputs().context();
    }

    void show(Stage stage) {
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.history().workspaceFileProperty().get() == null ? "Pareto Workbench"
                        : model.history().workspaceFileProperty().get().getFileName() + " — Pareto Workbench",
                model.history().workspaceFileProperty()));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        if (WindowInputs.hasData(inputs.inputs())) {
            model.start();
        } else {
            view.selectTab("Data");
        }
        if (settingsNote != null) {
            model.errorProperty().set(settingsNote);
        }
        if (askForSettings) {
            Platform.runLater(() -> inputControls.editSettings(source.title() + " does not state its input settings:"
                    + " check them."));
        }
    }

    InputsViewModel inputs() {
        return inputs;
    }

    InputsControls inputControls() {
        return inputControls;
    }

    TrainingJobViewModel distillation() {
        return distillation;
    }

    SensitivityViewModel sensitivity() {
        return sensitivity;
    }

    WorkbenchView view() {
        return view;
    }

    EngineFiguresViewModel engines() {
        return engines;
    }

    LayerProfileViewModel layers() {
        return layers;
    }

    WorkbenchViewModel model() {
        return model;
    }

    Scene scene() {
        return scene;
    }

    /** Ends the window's jobs and its lane, then closes its workspace on the workspace thread. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.close();
        model.history().close();
        workspaceThread.shutdown();
    }
}
