package org.paretowb.views.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.charts.ParetoChart;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Technique;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringLane;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window on the real engine (the example MLP, on the first 1,000 test images). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {
    private MeasuringLane lane;
    private WorkbenchViewModel model;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        lane = new MeasuringLane(() -> {
            try {
                PyTorchRuntime runtime = new PyTorchRuntime();
                runtime.prepareInferenceThread();
                return new PointMeasurer(runtime, new ExampleWeights().load(Architecture.MLP),
                        new FashionMnist().testSet().first(1000), true, new RecipeApplier(), new Evaluator(250), new LatencyProbe(5, 30),
                        new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        model = new WorkbenchViewModel(lane, Platform::runLater, "MLP", "first 1,000 test images");
        view = new WorkbenchView(model);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void closeLane() {
        lane.close();
    }

    @Test
    void draggingTheSliderAddsARowAndAPointOnBothCharts(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());
        assertTrue(table.getItems().get(0).baseline());

        robot.drag("#sparsitySlider .thumb", MouseButton.PRIMARY).moveBy(120, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());

        EvaluatedPoint pruned = table.getItems().get(1);
        double sparsity = pruned.recipe().pruning().sparsity();
        assertTrue(sparsity > 0, "the drag moved the knob: " + sparsity);
        assertEquals(model.currentRecipe(), pruned.recipe(), "the point carries the knob's setting");
        assertTrue(pruned.measurement().nonZeros() < table.getItems().get(0).measurement().nonZeros());
        for (ParetoChart chart : new ParetoChart[] {view.controller().latencyChart(), view.controller().sizeChart()}) {
            assertEquals(1, chart.points().getSeries(ParetoChart.BASELINE).getItemCount());
            assertEquals(1, chart.points().getSeries(ParetoChart.seriesOf(Technique.PRUNING)).getItemCount());
            assertEquals(chart.axis().of(pruned.measurement()),
                    chart.points().getSeries(ParetoChart.LATEST).getX(0).doubleValue(), 1e-12);
        }
    }

    @Test
    void typingASparsityMeasuresExactlyThatSetting(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());

        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());

        EvaluatedPoint point = table.getItems().get(1);
        assertEquals(0.5, point.recipe().pruning().sparsity());
        assertEquals(point, table.getSelectionModel().getSelectedItem(), "the newest point is selected");
        ParetoChart size = view.controller().sizeChart();
        assertEquals(point.measurement().sizeBytes(),
                size.points().getSeries(ParetoChart.LATEST).getX(0).doubleValue(), 0.0);
    }

    @Test
    void theStructuredKnobMeasuresAPhysicallySmallerNetwork(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());

        robot.doubleClickOn("#structuredField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());

        EvaluatedPoint point = table.getItems().get(1);
        assertEquals(0.5, point.recipe().structured().ratio());
        assertEquals(0.0, point.recipe().pruning().sparsity());
        assertEquals("1x28x28 flatten dense128 relu dense64 relu dense10", point.measurement().network());
        assertTrue(point.measurement().macs() < table.getItems().get(0).measurement().macs() / 2);
    }

    @Test
    void theQuantizationModeMeasuresThatModeAndColoursItsPoint(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());

        robot.clickOn("#quantMode").clickOn("Dynamic int8");
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());

        EvaluatedPoint point = table.getItems().get(1);
        assertEquals(QuantizationSettings.Mode.DYNAMIC, point.recipe().quantization().mode());
        assertEquals(8, point.recipe().quantization().bits());
        assertEquals(model.currentRecipe(), point.recipe());
        ParetoChart latency = view.controller().latencyChart();
        assertEquals(point, latency.pointAt(ParetoChart.seriesOf(Technique.QUANTIZATION), 0));
    }

    @Test
    void clickingATableRowSelectsItsPointOnTheCharts(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());
        EvaluatedPoint baseline = table.getItems().get(0);

        robot.clickOn(robot.lookup("#pointsTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        for (ParetoChart chart : new ParetoChart[] {view.controller().latencyChart(), view.controller().sizeChart()}) {
            assertEquals(1, chart.points().getSeries(ParetoChart.SELECTED).getItemCount());
            assertEquals(baseline, chart.pointAt(ParetoChart.SELECTED, 0));
        }
        assertEquals(baseline, model.selectedProperty().get());
    }

    @Test
    void undoAndRedoPutTheKnobsBackAndMeasureThem(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());
        robot.doubleClickOn("#structuredField").eraseText(6).write("25").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3 && !model.busyProperty().get());

        robot.clickOn("#pointsTable"); // in a text field, Ctrl+Z undoes typing instead
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 4 && !model.busyProperty().get());
        assertEquals(0.0, model.structuredPercentProperty().get());
        assertEquals(50.0, model.sparsityPercentProperty().get());
        assertEquals(model.currentRecipe(), table.getItems().get(3).recipe());

        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 5 && !model.busyProperty().get());
        assertEquals(25.0, model.structuredPercentProperty().get());
        assertEquals(0.25, table.getItems().get(4).recipe().structured().ratio());
    }

    @Test
    void applyLoadsAPointsRecipeIntoTheKnobsAndDeleteRemovesIt(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("40").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("70").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3 && !model.busyProperty().get());
        EvaluatedPoint forty = table.getItems().get(1);

        robot.clickOn(robot.lookup("#pointsTable .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 4 && !model.busyProperty().get());
        assertEquals(40.0, model.sparsityPercentProperty().get());
        assertEquals(forty.recipe(), table.getItems().get(3).recipe());

        robot.clickOn(robot.lookup("#pointsTable .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, table.getItems().size());
        assertTrue(!table.getItems().contains(forty), "the point is gone from the table");
        robot.clickOn(robot.lookup("#pointsTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().get(0).baseline(), "the baseline stays");
    }

    @Test
    void theDarkThemeDarkensTheWindowAndTheCharts(FxRobot robot) throws Exception {
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(view.root().getStylesheets().stream().anyMatch(css -> css.endsWith("dark.css")));
        java.awt.Color background = (java.awt.Color) view.controller().latencyChart().chart().getBackgroundPaint();
        assertTrue(background.getRed() < 80, "chart background " + background);
    }

    @Test
    void openModelSaysWhatIsSupported(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Open model…");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(dialog.getContentText().contains("not supported yet"), dialog.getContentText());
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
