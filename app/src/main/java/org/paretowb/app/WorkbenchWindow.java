package org.paretowb.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.report.ReportInput;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PyTorchMeasuringEngine;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.RememberedSettings;
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
import org.paretowb.views.search.SearchView;
import org.paretowb.views.search.SearchViewModel;
import org.paretowb.views.training.TrainingJobView;
import org.paretowb.views.training.TrainingJobViewModel;
import org.paretowb.views.workbench.HistoryViewModel;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;
import org.paretowb.views.workbench.WorkspaceSession;

/**
 * The main window: wires the window's measuring session, its view models and its view. What it offers others (a
 * test, the screenshot command) is what a user has: its scene (controls by id, menus) and its view models' public
 * methods.
 */
public final class WorkbenchWindow {
    /** Reads what a workspace remembers for a model before its window opens. */
    private static final Executor REMEMBERING = daemon("workspace-settings");
    /** Reads data (a folder of 50,000 images takes a while); not the compute lane, which keeps measuring meanwhile. */
    private static final Executor DATA_LOADING = daemon("data-loading");

    private final MeasuringSession session;
    private final ExecutorService workspaceThread = daemon("workspace");
    private final WorkbenchViewModel model;
    private final LayerProfileViewModel layers;
    private final SensitivityViewModel sensitivity;
    private final TrainingJobViewModel training;
    private final SearchViewModel search;
    private final EngineFiguresViewModel engines;
    private final InputsViewModel inputs;
    private final InputsControls inputControls;
    private final WorkbenchView view;
    private final Scene scene;
    private final ModelSource source;
    private final RememberedSettings remembered;
    private boolean closed;

    /** The window without a workspace: points are not saved (screenshots, demonstrations, tests). */
    public WorkbenchWindow(ModelSource source) {
        this(new RememberedSettings(source, false, null), null, null);
    }

    /**
     * Opens a window on {@code source} and {@code workspace} (created if missing; null: none) and shows it on
     * {@code stage} (null: a new one): the settings the workspace remembers for the model are read off the FX
     * thread (SQLite may wait seconds for another process's lock), then the window is made on the FX thread. A
     * workspace that cannot be opened is reported in a dialog, and the window runs without one. Closing the stage
     * closes the window.
     */
    public static CompletableFuture<WorkbenchWindow> open(ModelSource source, Path workspace, Stage stage) {
        return CompletableFuture.supplyAsync(() -> RememberedSettings.read(source, workspace), REMEMBERING)
                .thenApplyAsync(remembered -> {
                    WorkbenchWindow window = new WorkbenchWindow(remembered, workspace, RecentWorkspaces.forUser());
                    Stage shown = stage != null ? stage : new Stage();
                    shown.setOnHidden(e -> window.close());
                    window.show(shown);
                    return window;
                }, Platform::runLater);
    }

    /**
     * A window on {@code workspace} (null: none), recorded in {@code recent} (the user's list, or another for a
     * screenshot of a prepared workspace); {@code remembered} as {@link RememberedSettings#read} found it, off the
     * FX thread. Call {@link #show} next.
     */
    public WorkbenchWindow(RememberedSettings remembered, Path workspace, RecentWorkspaces recent) {
        this.remembered = remembered;
        this.source = remembered.source();
        ModelInputs initial = WindowInputs.initial(source);
        int cores = Runtime.getRuntime().availableProcessors();
        this.session = new MeasuringSession(initial.context(), () -> WindowInputs.measurer(initial),
                () -> new PyTorchMeasuringEngine(new PyTorchRuntime(), cores));
        WindowActions actions = new WindowActions(session, this::currentInputs, this::pointsContext,
                this::openOnThisWorkspace);
        this.model = new WorkbenchViewModel(session, Platform::runLater, workspaceThread, actions, source.title(),
                initial.dataTitle());
        HistoryViewModel history = model.history();
        this.layers = new LayerProfileViewModel(session, Platform::runLater, model::staticInt8Recipe);
        layers.measuredP50(recipe -> history.points().stream().filter(p -> p.recipe().equals(recipe))
                .reduce((first, last) -> last).map(p -> p.measurement().latencyP50Ms()));
        this.sensitivity = new SensitivityViewModel(session, Platform::runLater, () -> model.liveSamplesProperty().get());
        this.training = new TrainingJobViewModel(session, Platform::runLater, model::currentRecipe,
                () -> model.liveSamplesProperty().get(), history);
        this.view = new WorkbenchView(model, new LayerProfileView(layers).root(),
                new SensitivityView(sensitivity).root(), new TrainingJobView(training).root());
        this.scene = new Scene(view.root(), 1360, 860);
        this.inputs = new InputsViewModel(initial, session, model, WindowInputs::measurer, DATA_LOADING,
                Platform::runLater);
        ForgettingView forgetting = new ForgettingView(new ForgettingViewModel(initial.settings().classNames()));
        view.addTab("What it forgot", forgetting.root());
        ModelView network = new ModelView();
        network.weightsFrom(point -> session.submit(MeasuringSession.Order.QUEUED,
                (measurers, token) -> measurers.main().apply(point.recipe(), token)).result()
                .thenApply(MeasuringSession.Stamped::value));
        view.addTab("Model", network.root());
        this.search = new SearchViewModel(session, Platform::runLater, history);
        view.addTab("Search", new SearchView(search).root());
        model.budgetLineProperty().bind(search.budgetLineProperty());
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
            EvaluatedPoint baseline = ReportInput.baselineOf(history.points());
            network.show(point, baseline);
            if (point == null || baseline == null || point.baseline()) {
                forgetting.model().clear();
            } else {
                forgetting.show(baseline, point, inputs.inputs().evaluation());
            }
        });
        if (workspace != null) {
            history.useWorkspace(new WorkspaceSession(inputs.inputs().context(), recent, Environment::current),
                    workspace);
        }
    }

    private ModelInputs currentInputs() {
        return inputs.inputs();
    }

    /** Opens another model in a new window on this window's workspace. */
    private CompletableFuture<WorkbenchWindow> openOnThisWorkspace(ModelSource other) {
        return open(other, model.history().workspaceFileProperty().get(), null);
    }

    /** What the points shown were measured on: the workspace's context, else the window's inputs'. */
    private PointContext pointsContext() {
        return model.history().workspace().map(WorkspaceSession::context).orElseGet(() -> inputs.inputs().context());
    }

    static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Shows the window on {@code stage} and starts measuring (or shows the Data tab when there is nothing to measure). */
    public void show(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(() ->
                model.history().workspaceFileProperty().get() == null ? "Pareto Workbench"
                        : model.history().workspaceFileProperty().get().getFileName() + " — Pareto Workbench",
                model.history().workspaceFileProperty()));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        model.chooseLiveSetOnStart();
        if (inputs.inputs().hasData()) {
            model.start();
        } else {
            view.selectTab("Data");
            startOnFirstData();
        }
        if (remembered.note() != null) {
            model.errorProperty().set(remembered.note());
        }
        if (remembered.askForSettings()) {
            Platform.runLater(() -> inputControls.editSettings(source.title() + " does not state its input settings:"
                    + " check them."));
        }
    }

    /**
     * A window opened with nothing to measure (a model the built-in data does not fit) starts its engine and measures
     * the baseline once data is open: the inputs change first, then the view model starts over on them, so the
     * start waits for that on the FX thread's queue. Without it the baseline of a table model opened on its CSV
     * afterwards was never measured.
     */
    private void startOnFirstData() {
        javafx.beans.value.ChangeListener<ModelInputs> first = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ModelInputs> obs, ModelInputs old,
                                ModelInputs now) {
                if (now.hasData()) {
                    inputs.inputsProperty().removeListener(this);
                    Platform.runLater(() -> {
                        if (!closed) {
                            model.start();
                        }
                    });
                }
            }
        };
        inputs.inputsProperty().addListener(first);
    }

    /** The window's controls, found by their ids. */
    public Scene scene() {
        return scene;
    }

    /** What is measured when: knobs, points, jobs of the main panel. */
    public WorkbenchViewModel model() {
        return model;
    }

    /** The data and settings the window measures on. */
    public InputsViewModel inputs() {
        return inputs;
    }

    /** The Distillation and fine-tuning tab. */
    public TrainingJobViewModel training() {
        return training;
    }

    /** The Search tab. */
    public SearchViewModel search() {
        return search;
    }

    /** The Sensitivity tab. */
    public SensitivityViewModel sensitivity() {
        return sensitivity;
    }

    /** The ORT vs DJL tab. */
    public EngineFiguresViewModel engines() {
        return engines;
    }

    /** The int8 per layer tab. */
    public LayerProfileViewModel layers() {
        return layers;
    }

    /** Ends the window's jobs and its lane, then closes its workspace on the workspace thread. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.close();
        model.history().close();
        workspaceThread.shutdown();
    }
}
