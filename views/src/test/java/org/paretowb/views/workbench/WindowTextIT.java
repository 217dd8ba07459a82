package org.paretowb.views.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.CutText;
import org.paretowb.views.OrtCnnLane;
import org.paretowb.views.layers.LayerProfileView;
import org.paretowb.views.layers.LayerProfileViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At the window's default size (1360x860) no text of the "int8 per layer" tab and of the Compare window is cut to
 * "…": the example CNN measured and profiled on ONNX Runtime, as in the window.
 */
@ExtendWith(ApplicationExtension.class)
class WindowTextIT {
    private MeasuringSession lane;
    private WorkbenchViewModel model;
    private LayerProfileViewModel layers;
    private WorkbenchView view;
    private Node layersContent;

    @Start
    void start(Stage stage) {
        lane = OrtCnnLane.start();
        model = new WorkbenchViewModel(lane, Platform::runLater, Runnable::run, WorkbenchActions.NONE,
                "Example CNN conv16-conv32-128-10", "Fashion-MNIST, first 300 test images");
        layers = new LayerProfileViewModel(lane, Platform::runLater, model::staticInt8Recipe);
        layersContent = new LayerProfileView(layers).root();
        view = new WorkbenchView(model, layersContent, null, null);
        stage.setScene(new Scene(view.root(), 1360, 860)); // the window's default size
        stage.show();
        model.start();
    }

    @AfterEach
    void closeLane() {
        lane.close();
    }

    @Test
    void theInt8PerLayerTabCutsNoTextAfterAProfile(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> points = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> points.getItems().size() == 1 && !model.jobs().busyProperty().get());
        Platform.runLater(() -> view.selectTab("int8 per layer"));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#profileLayers");
        waitUntil(() -> !layers.layers().isEmpty() && !layers.busyProperty().get());

        java.util.Set<String> cut = new java.util.LinkedHashSet<>(CutText.under(layersContent));
        TableView<?> options = robot.lookup("#optionTable").queryTableView();
        for (int i = 0; i < options.getItems().size(); i++) { // every candidate set, not only the rows in view
            int row = i;
            Platform.runLater(() -> options.scrollTo(row));
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(CutText.under(options));
        }
        assertTrue(cut.isEmpty(), "cut at 1360x860: " + cut);
        Label status = robot.lookup("#profileStatus").queryAs(Label.class);
        assertTrue(status.getText().contains("Where it pays:"), status.getText());
        assertTrue(robot.lookup("#layerTable").queryTableView().getItems().size() >= 4, "every layer profiled");
        Label bar = robot.lookup("#statusLabel").queryAs(Label.class);
        assertEquals(bar.getText(), bar.getTooltip().getText(), "the status bar's whole line is in its tooltip");
    }

    @Test
    void theCompareWindowCutsNoTextOfAnInt8Point(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> points = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> points.getItems().size() == 1 && !model.jobs().busyProperty().get());
        Platform.runLater(() -> {
            var q = model.knobs().quantization();
            q.int8LayersProperty().set(Int8Layers.ALL);
            q.modeProperty().set(QuantizationSettings.Mode.STATIC);
        });
        waitUntil(() -> points.getItems().size() == 2 && !model.jobs().busyProperty().get());
        assertFalse(points.getItems().get(1).measurement().how().int8Layers().isEmpty(), "int8 kernels ran");

        Platform.runLater(() -> points.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem compare = view.menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "compareItem".equals(i.getId())).findFirst().orElseThrow();
        Platform.runLater(compare::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Window window = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#compareTable") != null)
                .findFirst().orElseThrow(() -> new AssertionError("Compare two points opened no window"));

        TableView<?> table = (TableView<?>) window.getScene().lookup("#compareTable");
        java.util.Set<String> cut = new java.util.LinkedHashSet<>(CutText.under(window.getScene().getRoot()));
        for (int i = 0; i < table.getItems().size(); i++) { // every row, not only those in view
            int row = i;
            Platform.runLater(() -> table.scrollTo(row));
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(CutText.under(table));
        }
        Platform.runLater(window::hide);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cut.isEmpty(), "cut in the Compare window: " + cut);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
