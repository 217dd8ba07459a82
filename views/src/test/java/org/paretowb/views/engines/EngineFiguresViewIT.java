package org.paretowb.views.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.charts.ParetoChart;
import org.paretowb.models.recipe.Technique;
import org.paretowb.models.measure.Engines;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.store.Workspace;
import org.paretowb.views.OrtCnnLane;
import org.paretowb.views.workbench.ChartEngines;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;
import org.paretowb.views.workbench.WorkspaceSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.paretowb.views.workbench.WorkbenchActions;

/** Point › Measure on DJL PyTorch in the window measuring the example CNN on ONNX Runtime, on a workspace. */
@ExtendWith(ApplicationExtension.class)
class EngineFiguresViewIT {
    private static final PointContext CNN = new PointContext("Example CNN", "cnn-hash", "first 300", "data-hash");

    private Path file;
    private MeasuringSession lane;
    private final java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor();
    private WorkbenchViewModel model;
    private WorkbenchView view;
    private EngineFiguresViewModel engines;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("engines-view");
        file = dir.resolve("w" + Workspace.EXTENSION);
        lane = OrtCnnLane.start();
        model = new WorkbenchViewModel(lane, Platform::runLater, io, WorkbenchActions.NONE, "CNN", "first 300 test images");
        WorkspaceSession session = new WorkspaceSession(CNN, new RecentWorkspaces(dir.resolve("recent.txt")),
                () -> Map.of("cpu", "test"));
        model.history().useWorkspace(session, file);
        view = new WorkbenchView(model);
        engines = new EngineFiguresViewModel(lane, Platform::runLater, model.history(), model.errorProperty()::set);
        new EngineFiguresView(engines).attachTo(view);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void close() {
        lane.close();
        model.history().close();
        io.shutdown();
    }

    @Test
    void measuringTheBaselineOnDjlAddsAPyTorchPointAndShowsItsFiguresBesideOnnxRuntimes(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        EvaluatedPoint ort = table.getItems().get(0);
        assertEquals(Engines.ONNX_RUNTIME, ort.engine());

        robot.clickOn(robot.from(robot.lookup("#pointsTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getIndex() == 0).findFirst().orElseThrow()).lookup(".table-cell").queryAs(Node.class));
        robot.press(KeyCode.CONTROL).type(KeyCode.J).release(KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 2 && !engines.busyProperty().get());

        EvaluatedPoint djl = model.history().points().get(1);
        Measurement m = djl.measurement();
        assertEquals(ort.recipe(), djl.recipe(), "the selected point's recipe");
        assertEquals(Engines.DJL_PYTORCH, djl.engine());
        assertTrue(m.how().engine().startsWith("PyTorch "), m.how().engine());
        assertEquals(ort.measurement().samples(), m.samples(), "on the same images");
        assertEquals(djl, model.history().selectedProperty().get(), "the new point is selected");
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals(EngineFiguresView.TAB_TITLE, tabs.getSelectionModel().getSelectedItem().getText());

        String summary = robot.lookup("#engineSummary").queryLabeled().getText();
        assertTrue(summary.contains(String.format(Locale.ROOT, "%.3f ms on ONNX Runtime (#%d)",
                ort.measurement().latencyP50Ms(), ort.id())), summary);
        assertTrue(summary.contains(String.format(Locale.ROOT, "%.3f ms on DJL PyTorch (#%d)", m.latencyP50Ms(),
                djl.id())), summary);
        List<String> cells = robot.lookup("#engineTable .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
        assertTrue(cells.contains(m.how().engine()), "the engine named: " + cells);
        assertTrue(cells.contains(String.format(Locale.ROOT, "%.3f", m.latencyP95Ms())), "DJL's p95: " + cells);
        assertTrue(cells.contains(String.format(Locale.ROOT, "%,.0f", m.throughput())), "DJL's throughput: " + cells);
        assertTrue(cells.contains(String.format(Locale.ROOT, "%,.0f", ort.measurement().throughput())), cells.toString());
        TableView<EngineRows.Row> figures = robot.lookup("#engineTable").queryTableView();
        String factor = figures.getItems().stream().filter(r -> r.what().startsWith("Batch-1 latency p50"))
                .findFirst().orElseThrow().ortAgainstDjl();
        assertTrue(cells.contains(factor), "shown: " + cells);
        double times = Double.parseDouble(factor.substring(0, factor.indexOf('x')));
        boolean ortFaster = ort.measurement().latencyP50Ms() < m.latencyP50Ms();
        assertEquals(ortFaster ? "faster" : "slower", factor.substring(factor.indexOf(' ') + 1),
                "ORT's p50 " + ort.measurement().latencyP50Ms() + " ms against DJL's " + m.latencyP50Ms() + " ms");
        double slow = Math.max(ort.measurement().latencyP50Ms(), m.latencyP50Ms());
        double fast = Math.min(ort.measurement().latencyP50Ms(), m.latencyP50Ms());
        assertEquals(slow, fast * times, fast * 0.006, "the slower engine's p50 is the faster's times " + factor);

        List<String> engineColumn = robot.lookup("#pointsTable .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> Engines.DJL_PYTORCH.equals(t) || Engines.ONNX_RUNTIME.equals(t))
                .sorted().toList();
        assertEquals(List.of(Engines.DJL_PYTORCH, Engines.ONNX_RUNTIME), engineColumn, "the table names each engine");

        org.jfree.data.xy.XYDataset latency = ((org.jfree.chart.fx.ChartViewer) robot.lookup("#latencyChart")
                .queryAs(javafx.scene.layout.StackPane.class).getChildren().get(0)).getChart().getXYPlot().getDataset(0);
        assertEquals(1, (latency.getItemCount(ParetoChart.seriesOf(Technique.BASELINE, false)) + latency.getItemCount(ParetoChart.seriesOf(Technique.BASELINE, true))), "charts keep to ONNX Runtime");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> shown = robot.lookup("#chartEngine").queryAs(ChoiceBox.class);
        assertEquals(Engines.ONNX_RUNTIME, shown.getValue());
        Platform.runLater(() -> shown.setValue(ChartEngines.ALL));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (latency.getItemCount(ParetoChart.seriesOf(Technique.BASELINE, false)) + latency.getItemCount(ParetoChart.seriesOf(Technique.BASELINE, true))), "mixed on request");

        try (Workspace w = Workspace.open(file)) {
            EvaluatedPoint saved = w.points(CNN).get(1).point();
            assertEquals(djl.id(), saved.id());
            assertEquals(Engines.DJL_PYTORCH, saved.engine(), "the engine is saved with the point");
        }
    }

    @Test
    void cancelStopsTheDjlJobAndAddsNoPoint(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        CountDownLatch held = new CountDownLatch(1);
        lane.submit(MeasuringSession.Order.QUEUED, (measurer, token) -> {
            try {
                return held.await(60, TimeUnit.SECONDS); // the lane is busy: the DJL job waits behind this
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Platform.runLater(() -> model.history().selectedProperty().set(table.getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("Point");
        javafx.scene.control.MenuItem item = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "djlItem".equals(i.getId()))
                .findFirst().orElseThrow();
        assertEquals("Shortcut+J", item.getAccelerator().getName());
        assertTrue(item.getStyleableNode() != null
                && item.getStyleableNode().getProperties().get("javafx.scene.control.Tooltip") instanceof javafx.scene.control.Tooltip,
                "the menu item has its tooltip while the menu shows");
        robot.clickOn("Measure on DJL PyTorch");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(engines.busyProperty().get());
        assertTrue(robot.lookup("#djlProgress").query().isVisible(), "progress shows while it runs");
        robot.clickOn("#cancelDjl");
        held.countDown();
        waitUntil(() -> !engines.busyProperty().get());

        assertEquals("Measurement of #1 on DJL PyTorch cancelled", robot.lookup("#djlStatus").queryLabeled().getText());
        assertEquals(1, table.getItems().size(), "no point added");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
