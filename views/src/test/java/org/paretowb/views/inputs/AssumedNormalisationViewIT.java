package org.paretowb.views.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.paretowb.views.workbench.WorkbenchActions;

/**
 * A model whose file states no normalisation: the status bar and the input settings dialog say which one is
 * assumed, OK confirms it, and the Data tab says when there is no training data and what to do.
 */
@ExtendWith(ApplicationExtension.class)
class AssumedNormalisationViewIT {
    private MeasuringSession lane;
    private final java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor();
    private InputsViewModel inputs;

    @Start
    void start(Stage stage) throws Exception {
        WeightSet weights = new ExampleWeights().load(Architecture.MLP);
        ModelSettings settings = ModelSettings.of(weights.spec()).withClassNames(FashionMnist.CLASS_NAMES);
        ModelInputs initial = ModelInputs.of("model.onnx", weights, settings, new FashionMnist().testSet().first(500),
                "first 500 test images", "the test", DataSplit.NONE, true,
                ModelInputs.notSplit("first 500 test images"));
        lane = new MeasuringSession(initial.context(), () -> new PointMeasurer(new PyTorchRuntime(), weights,
                initial.evaluation(), false, new RecipeApplier(), new Evaluator(250), new LatencyProbe(5, 30),
                new ThroughputProbe(64, 1, 2)), () -> {
                    throw new UnsupportedOperationException("one engine");
                });
        WorkbenchViewModel model = new WorkbenchViewModel(lane, Platform::runLater, io, WorkbenchActions.NONE, "model.onnx",
                initial.dataTitle());
        WorkbenchView view = new WorkbenchView(model);
        inputs = new InputsViewModel(initial, lane, model, in -> null, Runnable::run, Platform::runLater);
        InputsControls.install(view, model, inputs, InputsControls.SYSTEM);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        lane.close();
        io.shutdownNow();
    }

    @Test
    void theStatusBarAndTheDialogSayTheNormalisationIsAssumedUntilConfirmed(FxRobot robot) throws Exception {
        Label status = robot.lookup("#normalisationAssumed").queryAs(Label.class);
        assertTrue(status.isVisible());
        assertEquals("Normalisation assumed: pixels / 255", status.getText());
        assertTrue(DataSummary.of(inputs.inputs(), 3, 10, 5).details().get(1).contains("normalisation: pixels / 255"
                + " (assumed: the model file states none"), DataSummary.of(inputs.inputs(), 3, 10, 5).details().get(1));

        robot.clickOn(status);
        WaitForAsyncUtils.waitForFxEvents();
        String note = robot.lookup("#settingsAssumed").queryLabeled().getText();
        assertTrue(note.startsWith("Assumed: the model file states no normalisation, so pixels / 255 is used (mean 0,"
                + " std 1)"), note);
        robot.clickOn(robot.lookup("#settingsOk").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !inputs.inputs().normalisationAssumed());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(status.isVisible(), "confirmed: no longer assumed");
        assertTrue(inputs.statusProperty().get().startsWith("The normalisation (pixels / 255) is confirmed."),
                inputs.statusProperty().get());
    }

    @Test
    void theDataTabSaysWhyTrainingTechniquesAreOffAndWhatToDo() {
        String line = DataSummary.of(inputs.inputs(), 3, 10, 5).details().get(3);
        assertTrue(line.startsWith("Fine-tuning, distillation and static int8 calibration are off: first 500 test"
                + " images is not split into evaluation and training parts: set an evaluation share in the Data tab"),
                line);
        ModelInputs split = inputs.inputs().withSplit(new DataSplit(0.2, 7));
        TrainingData training = split.trainingData();
        assertTrue(training.available());
        String splitLine = DataSummary.of(split, 3, 10, 5).details().get(3);
        assertTrue(splitLine.startsWith("Fine-tuning, distillation and static int8 calibration use ")
                && splitLine.contains("(training split, seed 7) (400 images)"), splitLine);
    }
}
