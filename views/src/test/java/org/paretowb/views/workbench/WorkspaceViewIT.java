package org.paretowb.views.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a workspace: points saved as measured, shown again on reopening, others' points after F5. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceViewIT {
    private static final PointContext MLP = new PointContext("Example MLP", "mlp-hash", "first 1,000", "data-hash");

    private Path dir;
    private Path file;
    private MeasuringSession lane;
    private WorkbenchViewModel model;
    private WorkbenchView view;
    private final java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor();
    /** Calls into SQLite made on the FX thread (the window must make none: they can wait seconds for a lock). */
    private final java.util.List<String> onFxThread = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("workspace-view");
        file = dir.resolve("w" + Workspace.EXTENSION);
        lane = new MeasuringSession(MLP, () -> {
            try {
                PyTorchRuntime runtime = new PyTorchRuntime();
                runtime.prepareInferenceThread();
                return new PointMeasurer(runtime, new ExampleWeights().load(Architecture.MLP),
                        new FashionMnist().testSet().first(1000), true, new RecipeApplier(), new Evaluator(250),
                        new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            throw new UnsupportedOperationException("one engine");
        });
        model = new WorkbenchViewModel(lane, Platform::runLater, io, WorkbenchActions.NONE, "MLP", "first 1,000 test images");
        WorkspaceSession session = new WorkspaceSession(MLP, new RecentWorkspaces(dir.resolve("recent.txt")),
                () -> Map.of("cpu", "test"), () -> {
                    if (Platform.isFxApplicationThread()) {
                        onFxThread.add(Thread.currentThread().getName() + ": " + java.util.Arrays.toString(
                                Thread.currentThread().getStackTrace()).substring(0, 600));
                    }
                });
        model.history().useWorkspace(session, file);
        view = new WorkbenchView(model);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void close() throws Exception {
        lane.close();
        model.history().close();
        io.shutdown();
        assertTrue(io.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.of(), onFxThread, "no SQLite call on the FX thread");
    }

    @Test
    void everyPointIsSavedAsMeasuredAndRenamesAndDeletesToo(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("70").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());

        Platform.runLater(() -> {
            model.history().selectedProperty().set(table.getItems().get(1));
            model.history().renameSelected("half");
        });
        waitUntil(() -> "half".equals(table.getItems().get(1).name()));
        Platform.runLater(() -> {
            model.history().selectedProperty().set(table.getItems().get(2));
            model.history().deleteSelected();
        });
        waitUntil(() -> table.getItems().size() == 2);

        try (Workspace w = Workspace.open(file)) {
            List<EvaluatedPoint> saved = w.points(MLP).stream().map(s -> s.point()).toList();
            assertEquals(table.getItems().stream().map(p -> p.id() + " " + p.title()).toList(),
                    saved.stream().map(p -> p.id() + " " + p.title()).toList(), "the table is what the workspace holds");
            assertEquals(table.getItems().get(1).measurement().accuracy(), saved.get(1).measurement().accuracy());
            assertEquals("half", saved.get(1).name());
            assertEquals(0.5, saved.get(1).recipe().pruning().sparsity());
            assertTrue(saved.get(0).baseline());
        }
    }

    @Test
    void reopeningShowsThePointsAsTheyWereAndRefreshShowsAnotherWritersPoints(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        EvaluatedPoint baseline = table.getItems().get(0);

        try (Workspace other = Workspace.open(file)) {
            other.add(MLP, Recipe.builder().pruning(new PruningSettings(0.3)).build(), baseline.measurement(),
                    "from the CLI",
                    Map.of("cpu", "other"));
        }
        robot.type(KeyCode.F5);
        waitUntil(() -> table.getItems().size() == 2);
        assertEquals("from the CLI", table.getItems().get(1).name());

        Path copy = dir.resolve("copy" + Workspace.EXTENSION);
        Platform.runLater(() -> model.history().saveWorkspaceAs(copy));
        waitUntil(() -> copy.toAbsolutePath().equals(model.history().workspaceFileProperty().get()));
        Platform.runLater(() -> model.history().openWorkspace(file));
        waitUntil(() -> file.toAbsolutePath().equals(model.history().workspaceFileProperty().get()));
        assertEquals(List.of(baseline.id(), table.getItems().get(1).id()),
                table.getItems().stream().map(EvaluatedPoint::id).toList(), "the same points, the same ids");

        Path notes = dir.resolve("notes" + Workspace.EXTENSION);
        Files.writeString(notes, "not a workspace");
        Platform.runLater(() -> model.history().openWorkspace(notes));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(dialog.getContentText().contains("is not a workspace"), dialog.getContentText());
        assertEquals(file.toAbsolutePath(), model.history().workspaceFileProperty().get(), "the open workspace stays open");
        assertEquals("not a workspace", Files.readString(notes));
    }

    @Test
    void aPointOfAnotherSessionIsMarkedInTheTableAndGreyOnTheCharts(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        javafx.scene.control.TableColumn<EvaluatedPoint, ?> session = table.getColumns().stream()
                .filter(c -> c.getText().equals("Session")).findFirst().orElseThrow();
        assertTrue(!session.isVisible(), "only this session's points: no Session column");
        Measurement now = table.getItems().get(0).measurement();
        Provenance h = now.how();
        Provenance yesterday = new Provenance(h.engine(), h.threads(), h.latencyThreads(), h.evaluationSet(),
                h.subset(), h.latencyWarmupRuns(), h.latencyTimedRuns(), h.throughputBatch(), h.kernels(),
                h.sizeFormat(), h.realKernels(), h.int8Layers(), "20261205-101010-0001", h.machine(),
                h.latencyRounds(), h.latencyCapped(), h.otherCpuShare(), h.ensembleOf(), h.ensembleRule(),
                h.processSpread());
        Measurement earlier = new Measurement(now.accuracy(), now.top5(), now.perClass(), now.latencyP50Ms() * 1.3,
                now.latencyP95Ms() * 1.3, now.sizeBytes(), now.parameters(), now.nonZeros(), now.macs(),
                now.throughput(), now.samples(), now.network(), yesterday, now.predictions(), null, null);
        try (Workspace other = Workspace.open(file)) {
            other.add(MLP, Recipe.builder().pruning(new PruningSettings(0.3)).build(), earlier, null,
                    Map.of("cpu", "test"));
        }
        robot.type(KeyCode.F5);
        waitUntil(() -> table.getItems().size() == 2);

        assertTrue(session.isVisible(), "a point of another session shows the Session column");
        List<String> texts = new java.util.ArrayList<>();
        String[] tip = {null};
        for (javafx.scene.Node node : robot.lookup("#pointsTable .table-cell").queryAll()) {
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) node;
            if (cell.getTableColumn() == session && cell.getText() != null) {
                texts.add(cell.getText());
                if (cell.getText().equals(OriginColumn.EARLIER)) {
                    tip[0] = cell.getTooltip().getText();
                    assertTrue(cell.getTableRow().getStyleClass().contains(OriginColumn.STYLE), "the row reads grey");
                }
            }
        }
        assertTrue(texts.contains(OriginColumn.THIS) && texts.contains(OriginColumn.EARLIER), "" + texts);
        assertTrue(tip[0].startsWith("Measured in another session (20261205-101010-0001) on this machine: latency not"
                + " compared with this session's baseline"), tip[0]);

        org.paretowb.charts.ParetoChart latency = view.controller().charts().latencyChart();
        int series = org.paretowb.charts.ParetoChart.seriesOf(table.getItems().get(1));
        assertTrue(latency.drawnAsOtherSession(series, 0), "drawn grey on the latency chart");
        assertTrue(!latency.drawnAsOtherSession(org.paretowb.charts.ParetoChart.seriesOf(table.getItems().get(0)), 0));
        assertTrue(latency.legend().stream().anyMatch(e -> e.name().equals("another session")), "with a legend entry");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
