package org.paretowb.app;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringLane;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.store.WorkspaceException;
import org.paretowb.views.forgot.ForgettingView;
import org.paretowb.views.forgot.ForgettingViewModel;
import org.paretowb.views.layers.LayerProfileView;
import org.paretowb.views.model.ModelView;
import org.paretowb.views.layers.LayerProfileViewModel;
import org.paretowb.views.sensitivity.SensitivityView;
import org.paretowb.views.sensitivity.SensitivityViewModel;
import org.paretowb.views.training.StudentPoints;
import org.paretowb.views.training.TrainingJobView;
import org.paretowb.views.training.TrainingJobViewModel;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;
import org.paretowb.views.workbench.WorkspaceSession;
import org.paretowb.views.inputs.InputsControls;
import org.paretowb.views.inputs.InputsViewModel;
import org.paretowb.views.inputs.ModelInputs;

/** The main window on the built-in example: wires the measuring lane, the view model and the view. */
final class WorkbenchWindow {
    private final MeasuringLane lane;
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
    private final org.paretowb.views.engines.EngineFiguresViewModel engines;

    /** The window without a workspace: points are not saved (screenshots, demonstrations). */
    WorkbenchWindow(ModelSource source) {
        this(source, null);
    }

    /**
     * @param workspace the workspace to save points to and show (created if missing); null: none. A workspace
     *                  that cannot be opened is reported in a dialog, and the window runs without one.
     */
    WorkbenchWindow(ModelSource source, java.nio.file.Path workspace) {
        WindowInputs.Remembered remembered = WindowInputs.remembered(source, workspace);
        this.source = remembered.source();
        this.settingsNote = remembered.note();
        this.askForSettings = !remembered.found() && WindowInputs.statesNothing(this.source);
        ModelInputs initial = WindowInputs.initial(this.source);
        this.lane = new MeasuringLane(() -> WindowInputs.measurer(initial));
        this.model = new WorkbenchViewModel(lane, Platform::runLater, this.source.title(), initial.dataTitle());
        this.layers = new LayerProfileViewModel(lane, Platform::runLater, model::staticInt8Recipe);
        this.sensitivity = new SensitivityViewModel(lane, Platform::runLater, () -> model.liveSamplesProperty().get());
        this.distillation = new TrainingJobViewModel(lane, Platform::runLater, model::currentRecipe,
                () -> model.liveSamplesProperty().get(), new StudentPoints() {
                    @Override
                    public void interim(Recipe recipe, Measurement measurement, String label) {
                        model.showInterim(recipe, measurement, label);
                    }

                    @Override
                    public void finished(Recipe recipe, Measurement measurement) {
                        model.addPoint(recipe, measurement);
                    }

                    @Override
                    public void abandoned() {
                        model.dropInterim();
                    }
                });
        this.view = new WorkbenchView(model, new LayerProfileView(layers).root(), new SensitivityView(sensitivity).root(),
                new TrainingJobView(distillation).root());
        this.scene = new Scene(view.root(), 1360, 860);
        model.setExporter(this::export);
        model.setModelOpener(this::openModel);
        this.inputs = new InputsViewModel(initial, lane, model, WindowInputs::measurer, DATA_LOADING, Platform::runLater);
        model.setReportExporter((points, all, file) -> report(points, all, file, inputs.inputs()));
        ForgettingView forgetting = new ForgettingView(new ForgettingViewModel(initial.settings().classNames()));
        view.addTab("What it forgot", forgetting.root());
        ModelView network = new ModelView();
        view.addTab("Model", network.root());
        this.inputControls = InputsControls.install(view, model, inputs, InputsControls.SYSTEM);
        inputs.beforeStartingOver(() -> {
            distillation.cancel();
            sensitivity.cancel();
        });
        inputs.inputsProperty().addListener((obs, old, now) -> {
            forgetting.model().useClassNames(now.settings().classNames());
            sensitivity.clear();
            layers.clear();
        });
        model.int8Choice().layers().setAll(org.paretowb.models.network.LayerNames.list(source.weights().spec()));
        this.engines = new org.paretowb.views.engines.EngineFiguresViewModel(lane, Platform::runLater,
                new org.paretowb.services.evaluate.SecondEngine(() -> new org.paretowb.services.evaluate
                        .PyTorchMeasuringEngine(new PyTorchRuntime())), model);
        new org.paretowb.views.engines.EngineFiguresView(engines).attachTo(view);
        model.selectedProperty().addListener((obs, old, point) -> {
            EvaluatedPoint baseline = ReportExport.baselineOf(model.points());
            network.show(point, baseline);
            if (point == null || baseline == null || point.baseline()) {
                forgetting.model().clear();
            } else {
                forgetting.show(baseline, point, inputs.inputs().evaluation());
            }
        });
        if (workspace != null) {
            useWorkspace(workspace);
        }
    }

    /** Applies the point's recipe on the lane, writes the file, loads it back and evaluates it on the point's images. */
    private java.util.concurrent.CompletableFuture<String> export(EvaluatedPoint point, java.nio.file.Path file) {
        ModelFormat format = ModelExport.formatOf(file);
        if (format == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the file name must end in .onnx, .djl or .pwb"));
        }
        return lane.run((measurer, token) -> {
            try {
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
        PointContext context = model.workspace().map(WorkspaceSession::context)
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
    /** Reads data (a folder of 50,000 images takes a while); not the compute lane, which keeps measuring meanwhile. */
    private static final java.util.concurrent.Executor DATA_LOADING = daemon("data-loading");

    private static java.util.concurrent.Executor daemon(String name) {
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
        } catch (org.paretowb.app.cli.UserError e) {
            model.errorProperty().set("Cannot open the model: " + e.getMessage());
            return;
        }
        WorkbenchWindow window = new WorkbenchWindow(opened, model.workspaceFileProperty().get());
        Stage stage = new Stage();
        stage.setOnHidden(e -> window.close());
        window.show(stage);
    }

    private PointContext context() {
        return inputs.inputs().context();
    }

    private void useWorkspace(java.nio.file.Path file) {
        WorkspaceSession session = new WorkspaceSession(context(),
                RecentWorkspaces.forUser(), Environment::current);
        try {
            session.open(file);
        } catch (WorkspaceException e) {
            model.errorProperty().set(e.getMessage() + ". Points are not saved until you open or create a workspace"
                    + " (File menu).");
            return;
        }
        model.useWorkspace(session);
    }

    void show(Stage stage) {
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.workspaceFileProperty().get() == null ? "Pareto Workbench"
                        : model.workspaceFileProperty().get().getFileName() + " — Pareto Workbench",
                model.workspaceFileProperty()));
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

    org.paretowb.views.engines.EngineFiguresViewModel engines() {
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

    void close() {
        lane.close();
        model.workspace().ifPresent(WorkspaceSession::close);
    }
}
