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
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Technique;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.OrtCnnLane;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window on the real engine (the example MLP, on the first 1,000 test images). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewIT {
    private MeasuringSession lane;
    private WorkbenchViewModel model;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        lane = new MeasuringSession(OrtCnnLane.CONTEXT, () -> {
            try {
                PyTorchRuntime runtime = new PyTorchRuntime();
                runtime.prepareInferenceThread();
                FashionMnist data = new FashionMnist();
                return new PointMeasurer(runtime, new ExampleWeights().load(Architecture.MLP),
                        data.testSet().first(1000), true, new RecipeApplier(new NetworkTrainer(runtime),
                        data.embeddedTrainingSubset().first(2000), (e, n, l, a, ms) -> { }), new Evaluator(250),
                        new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            throw new UnsupportedOperationException("one engine");
        });
        model = new WorkbenchViewModel(lane, Platform::runLater, Runnable::run, WorkbenchActions.NONE, "MLP", "first 1,000 test images");
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
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        assertTrue(table.getItems().get(0).baseline());

        robot.drag("#sparsitySlider .thumb", MouseButton.PRIMARY).moveBy(120, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());

        EvaluatedPoint pruned = table.getItems().get(1);
        double sparsity = pruned.recipe().pruning().sparsity();
        assertTrue(sparsity > 0, "the drag moved the knob: " + sparsity);
        assertEquals(model.currentRecipe(), pruned.recipe(), "the point carries the knob's setting");
        assertTrue(pruned.measurement().nonZeros() < table.getItems().get(0).measurement().nonZeros());
        for (ParetoChart chart : new ParetoChart[] {view.controller().charts().latencyChart(), view.controller().charts().sizeChart()}) {
            assertEquals(1, chart.pointsOf(Technique.BASELINE).size());
            assertEquals(1, chart.pointsOf(Technique.PRUNING).size());
            double expected = chart.axis() == org.paretowb.charts.CostAxis.LATENCY
                    ? org.paretowb.models.measure.LatencyAnchors.of(table.getItems()).p50(pruned)
                    : chart.axis().of(pruned.measurement());
            assertEquals(expected, chart.points().getSeries(ParetoChart.LATEST).getX(0).doubleValue(), 1e-12);
        }
    }

    @Test
    void aStudentsInterimPointMovesTheLatestMarkWithoutJoiningTheHistory(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        Measurement baseline = table.getItems().get(0).measurement();
        ParetoChart latency = view.controller().charts().latencyChart();

        Platform.runLater(() -> model.history().showInterim(Recipe.BASELINE, baseline, "distillation, after epoch 1 of 3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getItems().size(), "an interim point is not kept");
        assertEquals("distillation, after epoch 1 of 3", latency.pointAt(ParetoChart.LATEST, 0).name());
        assertEquals(latency.axis().of(baseline), latency.points().getSeries(ParetoChart.LATEST).getX(0).doubleValue(), 0);

        Platform.runLater(model.history()::dropInterim);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, latency.points().getSeries(ParetoChart.LATEST).getItemCount());
        assertEquals(table.getItems().get(0), model.history().points().get(0), "the history is untouched");
    }

    @Test
    void typingASparsityMeasuresExactlyThatSetting(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());

        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());

        EvaluatedPoint point = table.getItems().get(1);
        assertEquals(0.5, point.recipe().pruning().sparsity());
        assertEquals(point, table.getSelectionModel().getSelectedItem(), "the newest point is selected");
        ParetoChart size = view.controller().charts().sizeChart();
        assertEquals(point.measurement().sizeBytes(),
                size.points().getSeries(ParetoChart.LATEST).getX(0).doubleValue(), 0.0);
    }

    @Test
    void theStructuredKnobMeasuresAPhysicallySmallerNetwork(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());

        robot.doubleClickOn("#structuredField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());

        EvaluatedPoint point = table.getItems().get(1);
        assertEquals(0.5, point.recipe().structured().ratio());
        assertEquals(0.0, point.recipe().pruning().sparsity());
        assertEquals("1x28x28 flatten dense128 relu dense64 relu dense10", point.measurement().network());
        assertTrue(point.measurement().macs() < table.getItems().get(0).measurement().macs() / 2);
    }

    @Test
    void theQuantizationModeMeasuresThatModeAndColoursItsPoint(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());

        robot.clickOn("#quantMode").clickOn("Dynamic int8");
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());

        EvaluatedPoint point = table.getItems().get(1);
        assertEquals(QuantizationSettings.Mode.DYNAMIC, point.recipe().quantization().mode());
        assertEquals(8, point.recipe().quantization().bits());
        assertEquals(model.currentRecipe(), point.recipe());
        ParetoChart latency = view.controller().charts().latencyChart();
        assertEquals(java.util.List.of(point), latency.pointsOf(Technique.QUANTIZATION));
    }

    @Test
    void clickingATableRowSelectsItsPointOnTheCharts(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        EvaluatedPoint baseline = table.getItems().get(0);

        robot.clickOn(rowCell(robot, 0));
        WaitForAsyncUtils.waitForFxEvents();

        for (ParetoChart chart : new ParetoChart[] {view.controller().charts().latencyChart(), view.controller().charts().sizeChart()}) {
            assertEquals(1, chart.points().getSeries(ParetoChart.SELECTED).getItemCount());
            assertEquals(baseline, chart.pointAt(ParetoChart.SELECTED, 0));
        }
        assertEquals(baseline, model.history().selectedProperty().get());
    }

    @Test
    void twentyFastMovesEndWithOneEvaluationOfTheFinalSetting(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        robot.clickOn("#sparsitySlider .thumb");
        WaitForAsyncUtils.waitForFxEvents();
        double start = model.knobs().pruning().percentProperty().get();

        int beforeLastMove = 0;
        for (int i = 0; i < 20; i++) {
            beforeLastMove = table.getItems().size(); // a point may land while the robot types
            robot.push(i % 2 == 0 || i > 15 ? KeyCode.RIGHT : KeyCode.LEFT); // 20 moves, ending 4 steps up
        }
        int afterLastMove = beforeLastMove;
        double last = model.knobs().pruning().percentProperty().get();
        waitUntil(() -> !model.jobs().busyProperty().get());

        long finals = table.getItems().stream().skip(afterLastMove)
                .filter(p -> p.recipe().equals(model.currentRecipe())).count();
        assertTrue(last > start, "the keys moved the knob: " + start + " -> " + last);
        assertEquals(1, finals, "the final setting was measured once after the last move");
        assertEquals(1, table.getItems().stream().filter(p -> p.recipe().equals(model.currentRecipe())).count(),
                "and never before it");
        EvaluatedPoint newest = table.getItems().get(table.getItems().size() - 1);
        assertEquals(model.currentRecipe(), newest.recipe(), "the last point carries the final setting");
        assertEquals(newest, view.controller().charts().latencyChart().pointAt(ParetoChart.LATEST, 0));
    }

    @Test
    void frontierOnlyHidesDominatedPointsAndCompareShowsTwoSideBySide(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("95").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#structuredField").eraseText(6).write("90").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());

        robot.clickOn("#pointsTable");
        robot.clickOn(rowCell(robot, 0));
        robot.press(KeyCode.CONTROL).clickOn(rowCell(robot, 2)).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<org.paretowb.views.compare.Comparison.Row> compare = robot.lookup("#compareTable").queryTableView();
        assertEquals("#1", compare.getItems().get(0).a());
        assertEquals("#3", compare.getItems().get(0).b());
        assertTrue(compare.getItems().stream().anyMatch(r -> r.what().equals("Pruning") && r.differs()));
        String size = compare.getItems().stream().filter(r -> r.what().equals("Size (bytes)")).findFirst()
                .orElseThrow().difference();
        assertTrue(size.endsWith(": smaller, better"), size);
        javafx.stage.Window compareWindow = compare.getScene().getWindow();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!compareWindow.isShowing(), "Escape closes the comparison");
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window again = robot.lookup("#compareTable").query().getScene().getWindow();
        robot.clickOn("#compareClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!again.isShowing(), "and so does Close");

        java.util.List<EvaluatedPoint> all = java.util.List.copyOf(model.history().points());
        Platform.runLater(() -> model.history().frontierOnlyProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        org.paretowb.models.pareto.ParetoFront<EvaluatedPoint> bySize = new org.paretowb.models.pareto.ParetoFront<>(
                p -> p.measurement().accuracy(), p -> p.measurement().sizeBytes());
        org.paretowb.models.pareto.ParetoFront<EvaluatedPoint> byLatency = new org.paretowb.models.pareto.ParetoFront<>(
                p -> p.measurement().accuracy(), org.paretowb.models.measure.LatencyAnchors.of(all)::p50);
        for (EvaluatedPoint p : all) {
            boolean onAFront = bySize.onFront(p, all) || byLatency.onFront(p, all);
            assertEquals(onAFront, table.getItems().contains(p), "point #" + p.id());
        }
    }

    @Test
    void theThirdChartShowsTheChosenAxis(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());

        robot.clickOn("#thirdAxis").clickOn("Throughput");
        WaitForAsyncUtils.waitForFxEvents();

        org.jfree.chart.fx.ChartViewer viewer = robot.lookup("#thirdChart .chart-viewer").tryQuery()
                .map(n -> (org.jfree.chart.fx.ChartViewer) n)
                .orElseGet(() -> (org.jfree.chart.fx.ChartViewer) robot.lookup("#thirdChart").queryAs(javafx.scene.layout.StackPane.class)
                        .getChildren().get(0));
        org.jfree.chart.plot.XYPlot plot = viewer.getChart().getXYPlot();
        assertTrue(plot.getDomainAxis().getLabel().startsWith("Throughput"), plot.getDomainAxis().getLabel());
        EvaluatedPoint baseline = table.getItems().get(0);
        assertEquals(baseline.measurement().throughput(),
                plot.getDataset(0).getXValue(ParetoChart.seriesOf(baseline), 0), 1e-9);
    }

    @Test
    void theLowRankKnobAndTheQuantizationSwitchesMeasureWhatTheySay(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());

        robot.doubleClickOn("#rankField").eraseText(6).write("25").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        EvaluatedPoint lowRank = table.getItems().get(1);
        assertEquals(0.25, lowRank.recipe().lowRank().fraction());
        assertTrue(lowRank.measurement().parameters() < table.getItems().get(0).measurement().parameters() / 2,
                "the hidden layers were factorized: " + lowRank.measurement().network());

        robot.clickOn("#quantMode").clickOn("Weights only");
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());
        javafx.scene.control.ScrollPane knobs = robot.lookup(".knobs-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        Platform.runLater(() -> knobs.setVvalue(1.0)); // the switch is below the fold of an 800-pixel window
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#symmetric .thumb-area");
        waitUntil(() -> table.getItems().size() == 4 && !model.jobs().busyProperty().get());

        EvaluatedPoint asymmetric = table.getItems().get(3);
        assertEquals(QuantizationSettings.Mode.WEIGHT, asymmetric.recipe().quantization().mode());
        assertTrue(!asymmetric.recipe().quantization().symmetric(), "the switch turned the zero point on");
        assertTrue(asymmetric.recipe().quantization().perChannel());
        assertEquals(model.currentRecipe(), asymmetric.recipe());
    }

    @Test
    void everyQuantizationChoiceAndTheNormProduceAPointWithThatSetting(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        javafx.scene.control.ScrollPane knobs = robot.lookup(".knobs-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        int[] expected = {1};

        robot.clickOn("#structuredNorm").clickOn("L2");
        expectPoint(table, expected, r -> r.structured().norm() == org.paretowb.models.recipe.StructuredPruningSettings.Norm.L2);
        robot.clickOn("#quantMode").clickOn("Weights only");
        expectPoint(table, expected, r -> r.quantization().mode() == QuantizationSettings.Mode.WEIGHT);
        robot.clickOn("#quantBits").clickOn("4 bits");
        expectPoint(table, expected, r -> r.quantization().bits() == 4);
        Platform.runLater(() -> knobs.setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#perChannel .thumb-area");
        expectPoint(table, expected, r -> !r.quantization().perChannel());
        robot.clickOn("#quantMode").clickOn("Static int8");
        expectPoint(table, expected, r -> r.quantization().mode() == QuantizationSettings.Mode.STATIC
                && r.quantization().calibrationSamples() == 1000);
        robot.clickOn("#calibration").clickOn("500 images");
        expectPoint(table, expected, r -> r.quantization().calibrationSamples() == 500);
        robot.clickOn("#int8Layers").clickOn("Everywhere");
        expectPoint(table, expected, r -> r.quantization().int8Layers().kind() == org.paretowb.models.recipe.Int8Layers.Kind.ALL);
    }

    /** Waits for the next point; it must carry the knobs' recipe and pass the check. */
    private void expectPoint(TableView<EvaluatedPoint> table, int[] count,
                             java.util.function.Predicate<org.paretowb.models.recipe.Recipe> check) throws Exception {
        count[0]++;
        waitUntil(() -> table.getItems().size() == count[0] && !model.jobs().busyProperty().get());
        EvaluatedPoint point = model.history().points().get(count[0] - 1);
        assertEquals(model.currentRecipe(), point.recipe());
        assertTrue(check.test(point.recipe()), point.recipe().summary());
    }

    @Test
    void undoAndRedoReturnToThePointsMeasuredInThisSessionWithoutANewRow(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("49.9").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        EvaluatedPoint pruned = table.getItems().get(1);
        robot.doubleClickOn("#structuredField").eraseText(6).write("25").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());
        EvaluatedPoint structured = table.getItems().get(2);

        robot.clickOn("#pointsTable"); // in a text field, Ctrl+Z undoes typing instead
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, model.knobs().structured().percentProperty().get());
        assertEquals(49.9, model.knobs().pruning().percentProperty().get(), 1e-9);
        assertEquals(pruned, model.history().selectedProperty().get(), "undo selects the point of that recipe");
        assertEquals(pruned, table.getSelectionModel().getSelectedItem());
        assertTrue(!model.jobs().busyProperty().get(), "nothing is measured again");
        assertEquals(3, table.getItems().size(), "no new row");
        assertTrue(robot.lookup("#statusLabel").queryLabeled().getText().contains("#" + pruned.id()),
                robot.lookup("#statusLabel").queryLabeled().getText());

        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(25.0, model.knobs().structured().percentProperty().get());
        assertEquals(structured, table.getSelectionModel().getSelectedItem(), "redo selects the later point");
        assertEquals(3, table.getItems().size(), "still no new row");

        robot.doubleClickOn("#sparsityField").eraseText(6).write("70").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 4 && !model.jobs().busyProperty().get());
        robot.clickOn("#pointsTable");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(structured, table.getSelectionModel().getSelectedItem());
        assertEquals(4, table.getItems().size());
        assertEquals(model.currentRecipe(), structured.recipe());
    }

    @Test
    void applyLoadsAPointsRecipeIntoTheKnobsAndDeleteRemovesIt(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("40").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("70").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());
        EvaluatedPoint forty = table.getItems().get(1);

        robot.clickOn(rowCell(robot, 1));
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 4 && !model.jobs().busyProperty().get());
        assertEquals(40.0, model.knobs().pruning().percentProperty().get());
        assertEquals(forty.recipe(), table.getItems().get(3).recipe());

        robot.clickOn(rowCell(robot, 1));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, table.getItems().size());
        assertTrue(!table.getItems().contains(forty), "the point is gone from the table");
        robot.clickOn(rowCell(robot, 0));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().get(0).baseline(), "the baseline stays");
    }

    @Test
    void theDarkThemeDarkensTheWindowAndTheCharts(FxRobot robot) throws Exception {
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(view.root().getStylesheets().stream().anyMatch(css -> css.endsWith("dark.css")));
        java.awt.Color background = (java.awt.Color) view.controller().charts().latencyChart().chart().getBackgroundPaint();
        assertTrue(background.getRed() < 80, "chart background " + background);
    }

    @Test
    void openModelSaysWhatIsSupported() {
        javafx.stage.FileChooser chooser = FileChoosers.model();

        java.util.List<String> extensions = chooser.getExtensionFilters().stream()
                .flatMap(f -> f.getExtensions().stream()).toList();
        assertEquals(java.util.List.of("*.onnx", "*.pwb", "*.djl"), extensions, "the formats a model opens from");
        assertTrue(chooser.getExtensionFilters().get(0).getDescription().contains("ONNX"));
        assertTrue(chooser.getTitle().contains("new window"), "where it opens: " + chooser.getTitle());
    }

    @Test
    void openModelWithoutAnOpenerSaysItIsNotOffered(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Open model…");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(dialog.getContentText().contains("not offered in this window"), dialog.getContentText());
    }

    @Test
    void cancelIsEnabledOnlyWhileACancellableJobRunsAndStopsAFullSetMeasurement(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        javafx.scene.control.Button cancel = robot.lookup("#cancelButton").queryButton();
        assertTrue(cancel.isDisabled(), "nothing runs: nothing to cancel");
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        lane.submit(MeasuringSession.Order.QUEUED, (m, token) -> { // holds the lane: the next job waits
            inside.countDown();
            try {
                return release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(inside.await(60, TimeUnit.SECONDS));

        Platform.runLater(() -> {
            model.history().selectedProperty().set(table.getItems().get(0));
            model.measureSelectedOnFullSet();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!cancel.isDisabled(), "a full-set measurement can be cancelled");
        robot.clickOn("#cancelButton");
        release.countDown();
        waitUntil(() -> !model.jobs().busyProperty().get());

        assertEquals("Full-set measurement cancelled", model.statusProperty().get());
        assertEquals(1, table.getItems().size(), "no point added");
        assertTrue(cancel.isDisabled());
    }

    @Test
    void aClosedWindowsResourceTimerStops(FxRobot robot) throws Exception {
        ResourceStatus resources = view.controller().resources();
        assertTrue(resources.running(), "sampling while the window shows");

        Platform.runLater(() -> view.root().getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(!resources.running(), "the timer stopped with the window (it would keep the window alive)");
    }

    @Test
    void atTheDefaultSizeNoHeaderAndNoIdIsCut(FxRobot robot) throws Exception {
        // the window's default size (the build gives Monocle's headless screen 1440x900, room for it)
        Platform.runLater(() -> {
            stage.setWidth(1360);
            stage.setHeight(860);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1360, stage.getScene().getWidth(), 0.5);
        assertEquals(860, stage.getScene().getHeight(), 0.5);
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        String[] settings = {"10", "20", "30", "40", "49.9", "60", "70", "80", "90", "91.5", "95"};
        for (int i = 0; i < settings.length; i++) {
            int rows = i + 2;
            robot.doubleClickOn("#sparsityField").eraseText(6).write(settings[i]).type(KeyCode.ENTER);
            waitUntil(() -> table.getItems().size() == rows && !model.jobs().busyProperty().get());
        }
        robot.doubleClickOn("#structuredField").eraseText(6).write("25").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 13 && !model.jobs().busyProperty().get());
        Platform.runLater(() -> table.scrollTo(table.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();

        java.util.List<String> cut = new java.util.ArrayList<>();
        for (javafx.scene.Node header : robot.lookup("#pointsTable .column-header .label").queryAll()) {
            javafx.scene.control.Labeled label = (javafx.scene.control.Labeled) header;
            shownText(label).filter(t -> !t.equals(label.getText())).ifPresent(t -> cut.add("header " + t));
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (javafx.scene.Node node : robot.lookup("#pointsTable .table-cell").queryAll()) {
            javafx.scene.control.Labeled cell = (javafx.scene.control.Labeled) node;
            if (cell.getText() != null && cell.getText().matches("#\\d+")) {
                ids.add(cell.getText());
                shownText(cell).filter(t -> !t.equals(cell.getText())).ifPresent(t -> cut.add("id " + t));
            }
        }
        Platform.runLater(() -> { // back to the size the other tests were written for
            stage.setWidth(1200);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cut.isEmpty(), "cut at 1360x860: " + cut);
        assertTrue(ids.contains("#13") && ids.contains("#10"), "ids of two digits are shown: " + ids);
        assertTrue(table.getItems().stream().anyMatch(p -> p.title().contains("prune 49.9%")),
                "the label gives the knob's exact value");
    }

    /** The text a label draws (with "…" where it is cut), if it draws one. */
    private static java.util.Optional<String> shownText(javafx.scene.control.Labeled label) {
        return label.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst();
    }

    /**
     * The first cell of the row showing the index-th point: rows are reused (their order in the scene is not the
     * table's), and the table scrolls sideways, so a row's middle may lie outside the view.
     */
    private static javafx.scene.Node rowCell(FxRobot robot, int index) {
        javafx.scene.Node row = robot.lookup("#pointsTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getIndex() == index).findFirst().orElseThrow();
        return robot.from(row).lookup(".table-cell").query();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
