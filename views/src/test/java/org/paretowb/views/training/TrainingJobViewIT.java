package org.paretowb.views.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.OrtCnnLane;
import org.paretowb.views.workbench.HistoryViewModel;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training tab on the real engine: the example MLP teaches, on 3,000 embedded training images. */
@ExtendWith(ApplicationExtension.class)
class TrainingJobViewIT {
    private MeasuringSession lane;
    private HistoryViewModel history;
    private TrainingJobViewModel model;
    private TrainingJobView view;
    private final List<Recipe> added = new ArrayList<>();
    private final List<String> interim = new ArrayList<>();

    @Start
    void start(Stage stage) {
        lane = new MeasuringSession(OrtCnnLane.CONTEXT, () -> {
            try {
                PyTorchRuntime runtime = new PyTorchRuntime();
                runtime.prepareInferenceThread();
                FashionMnist data = new FashionMnist();
                return new PointMeasurer(runtime, new ExampleWeights().load(Architecture.MLP), data.testSet().first(1000),
                        true, new RecipeApplier(new NetworkTrainer(runtime), data.embeddedTrainingSubset().first(3000),
                        (e, n, l, a, ms) -> { }), new Evaluator(250), new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            throw new UnsupportedOperationException("one engine");
        });
        history = new HistoryViewModel(Platform::runLater, Runnable::run, message -> { }, message -> { });
        history.latestProperty().addListener((obs, old, point) -> {
            if (point != null && point.id() == 0) {
                assertTrue(added.isEmpty(), "interim points come before the finished one");
                assertEquals(1000, point.measurement().samples());
                interim.add(point.name());
            }
        });
        history.points().addListener((javafx.collections.ListChangeListener<EvaluatedPoint>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(point -> added.add(point.recipe()));
            }
        });
        model = new TrainingJobViewModel(lane, Platform::runLater, () -> Recipe.BASELINE, () -> 1000, history);
        view = new TrainingJobView(model);
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void closeLane() {
        lane.close();
    }

    @Test
    void aJobDrawsEachEpochAndAddsTheStudentsPoint(FxRobot robot) throws Exception {
        robot.clickOn("#student").clickOn("mlp:32");
        robot.doubleClickOn("#temperature").eraseText(6).write("4").type(KeyCode.ENTER);

        robot.clickOn("#distil");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !model.busyProperty().get() && !added.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, wholeEpochs(), "one curve point at the end of each epoch");
        assertTrue(model.curve().size() > 3, "and more every few batches: " + model.curve());
        assertEquals(model.curve().size(), view.chart().epochs());
        assertEquals(List.of(1, 2, 3), model.validation().stream().map(TrainingJobViewModel.Validation::epoch).toList(),
                "a validation figure per epoch");
        assertEquals(3, view.chart().validations());
        assertEquals(1, added.size());
        assertEquals("mlp:32", added.get(0).distillation().student());
        assertEquals(4.0, added.get(0).distillation().temperature());
        assertEquals(1.0, model.progressProperty().get(), 1e-9);
        assertEquals(List.of("distillation, after epoch 1 of 3", "distillation, after epoch 2 of 3"), interim,
                "the student is measured after every epoch before the last, whose point is the finished one");
    }

    @Test
    void aFineTuningJobTrainsTheKnobsRecipeAndAddsItsPoint(FxRobot robot) throws Exception {
        robot.clickOn("#fineTune");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !model.busyProperty().get() && !added.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, wholeEpochs(), "one epoch by default");
        assertEquals(1, added.get(0).fineTune().epochs());
        assertTrue(!added.get(0).distillation().active());
        assertTrue(model.statusProperty().get().startsWith("Fine-tuning done"), model.statusProperty().get());
    }

    @Test
    void cancelStopsTheJobBeforeAnotherEpochAndAddsNoPoint(FxRobot robot) throws Exception {
        // many epochs, so that the job cannot end on its own before the click lands on a busy FX thread
        Platform.runLater(() -> model.epochsProperty().set(100)); // the spinner's largest
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#distil");
        // an epoch's curve point comes before its validation, which shows the interim point: wait for both
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wholeEpochs() >= 1 && !interim.isEmpty());

        robot.clickOn("#cancelDistil");
        int atCancel = wholeEpochs();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(model.statusProperty().get().startsWith("Distillation cancelled"), model.statusProperty().get());
        assertTrue(wholeEpochs() <= atCancel + 1, "at most the epoch in flight finished: " + wholeEpochs());
        assertTrue(wholeEpochs() < 100);
        assertTrue(added.isEmpty(), "no point for a cancelled job");
        assertEquals(null, history.latestProperty().get(), "the interim point is taken off the charts");
    }

    /** Curve points at an epoch's end (the others are every few batches, at fractional epochs). */
    private int wholeEpochs() {
        return (int) List.copyOf(model.curve()).stream().filter(e -> e.epoch() == Math.rint(e.epoch())).count();
    }
}
