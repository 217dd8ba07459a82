package org.paretowb.views.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.OrtCnnLane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The int8 layers knob's manual choice, on the example CNN measured on ONNX Runtime (real int8 kernels). */
@ExtendWith(ApplicationExtension.class)
class Int8LayerChoiceViewIT {
    private MeasuringSession lane;
    private WorkbenchViewModel model;
    private final List<Int8Layers> knobValues = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Stands for null among the knob's values seen. */
    private static final Int8Layers NONE = new Int8Layers(Int8Layers.Kind.LISTED, List.of("conv99"));

    @Start
    void start(Stage stage) throws Exception {
        lane = OrtCnnLane.start();
        model = new WorkbenchViewModel(lane, Platform::runLater, Runnable::run, WorkbenchActions.NONE, "CNN", "first 300 test images");
        model.knobs().quantization().int8LayersProperty().addListener((obs, old, now) -> knobValues.add(now == null ? NONE : now));
        model.knobs().quantization().int8Choice().layers().setAll(LayerNames.list(new ExampleWeights().load(Architecture.CNN).spec()));
        stage.setScene(new Scene(new WorkbenchView(model).root(), 1200, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void closeLane() {
        lane.close();
    }

    @Test
    void choosingConv2AndFc1ByHandMeasuresExactlyThoseLayersOnInt8Kernels(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());

        chooseByHand(robot, "conv2", "fc1");
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());

        EvaluatedPoint chosen = table.getItems().get(1);
        assertEquals(QuantizationSettings.Mode.STATIC, chosen.recipe().quantization().mode(), "static int8");
        assertEquals(model.currentRecipe(), chosen.recipe());
        Int8Layers layers = chosen.recipe().quantization().int8Layers();
        assertEquals(Int8Layers.Kind.LISTED, layers.kind());
        assertEquals(List.of("conv2", "fc1"), layers.names(), "exactly the layers ticked");
        assertEquals(List.of("conv2", "fc1"), chosen.measurement().how().int8Layers(), "what ran on int8 kernels");
        assertTrue(chosen.measurement().how().realKernels());
        assertTrue(chosen.measurement().how().kernels().contains("real int8 kernels in conv2, fc1; fp32 in conv1, fc2"),
                chosen.measurement().how().kernels());
        @SuppressWarnings("unchecked")
        ChoiceBox<Int8Layers> knob = robot.lookup("#int8Layers").queryAs(ChoiceBox.class);
        assertEquals(layers, knob.getValue());
        assertEquals("conv2, fc1", robot.lookup("#int8Layers .label").queryLabeled().getText(), "the knob shows the list");
        assertTrue(robot.lookup("#pointsTable .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> "conv2, fc1".equals(c.getText())), "the table says which layers ran in int8");

        robot.clickOn("#int8Layers").clickOn("Everywhere");
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());
        assertEquals(List.of("conv1", "conv2", "fc1", "fc2"), table.getItems().get(2).measurement().how().int8Layers());
        robot.clickOn("#int8Layers").clickOn(robot.lookup(".context-menu .label")
                .match((Labeled l) -> "conv2, fc1".equals(l.getText())).queryAs(Node.class));
        waitUntil(() -> table.getItems().size() == 4 && !model.jobs().busyProperty().get());
        assertEquals(chosen.recipe(), table.getItems().get(3).recipe(), "the list stays among the knob's choices");
        chooseByHand(robot, "fc1"); // the checklist opens with conv2 and fc1 ticked: untick conv2
        waitUntil(() -> table.getItems().size() == 5 && !model.jobs().busyProperty().get());
        assertEquals(List.of("fc1"), table.getItems().get(4).measurement().how().int8Layers());
        assertTrue(!knobValues.contains(NONE), "the knob never went blank while its choices changed: " + knobValues);
    }

    @Test
    void aHandChosenListIsUndoneLikeAnyKnobAndAppliedBackFromItsPoint(FxRobot robot) throws Exception {
        TableView<EvaluatedPoint> table = robot.lookup("#pointsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && !model.jobs().busyProperty().get());
        chooseByHand(robot, "fc1");
        waitUntil(() -> table.getItems().size() == 2 && !model.jobs().busyProperty().get());
        EvaluatedPoint listed = table.getItems().get(1);

        robot.clickOn("#pointsTable"); // Ctrl+Z from the table: knob changes, not text edits
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(QuantizationSettings.Mode.OFF, model.knobs().quantization().modeProperty().get(), "undo: quantization off again");
        assertEquals(Int8Layers.WHERE_IT_PAYS, model.knobs().quantization().int8LayersProperty().get(), "and the knob as it was");
        assertEquals(2, table.getItems().size(), "undo returns to the baseline measured in this session: no new row");
        assertTrue(model.history().selectedProperty().get().recipe().isBaseline());

        robot.clickOn(row(robot, 1)); // the point with fc1 chosen
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 3 && !model.jobs().busyProperty().get());
        assertEquals(listed.recipe().quantization().int8Layers(), model.knobs().quantization().int8LayersProperty().get());
        assertEquals(QuantizationSettings.Mode.STATIC, model.knobs().quantization().modeProperty().get());
        assertEquals("fc1", robot.lookup("#int8Layers .label").queryLabeled().getText());
        EvaluatedPoint applied = table.getItems().get(2);
        assertEquals(listed.recipe(), applied.recipe(), "apply recipe to knobs restores the hand-chosen list");
        assertEquals(List.of("fc1"), applied.measurement().how().int8Layers());
    }

    /**
     * The first cell of the table's row showing the index-th point (rows are reused: their order in the scene is not
     * the table's; the table scrolls sideways, so a row's middle may lie outside the view).
     */
    private static Node row(FxRobot robot, int index) {
        Node row = robot.lookup("#pointsTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == index).findFirst().orElseThrow();
        return robot.from(row).lookup(".table-cell").query();
    }

    /** Choose layers…, tick exactly these layers in the checklist (clicking the boxes that differ), run them in int8. */
    private void chooseByHand(FxRobot robot, String... layers) {
        ScrollPane knobs = robot.lookup(".knobs-scroll").queryAs(ScrollPane.class);
        Platform.runLater(() -> knobs.setVvalue(1.0)); // the button is below the fold of an 800-pixel window
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#int8Choose");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> wanted = List.of(layers);
        for (ListCell<?> cell : robot.lookup("#int8LayerList .list-cell").queryAllAs(ListCell.class)) {
            if (cell.getText() == null || cell.getText().isEmpty()) {
                continue; // an empty row below the layers
            }
            javafx.scene.control.CheckBox box = (javafx.scene.control.CheckBox) cell.lookup(".check-box");
            if (box.isSelected() != wanted.contains(cell.getText())) {
                robot.clickOn(box);
            }
        }
        robot.clickOn("Run these in int8");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
