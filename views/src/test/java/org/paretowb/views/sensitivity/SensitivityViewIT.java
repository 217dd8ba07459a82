package org.paretowb.views.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.OrtCnnLane;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sensitivity tab on the real engine: the example MLP, evaluated on the 10,000 test images. */
@ExtendWith(ApplicationExtension.class)
class SensitivityViewIT {
    private MeasuringSession lane;
    private SensitivityViewModel model;
    private SensitivityView view;

    @Start
    void start(Stage stage) {
        lane = new MeasuringSession(OrtCnnLane.CONTEXT, () -> {
            try {
                PyTorchRuntime runtime = new PyTorchRuntime();
                runtime.prepareInferenceThread();
                return new PointMeasurer(runtime, new ExampleWeights().load(Architecture.MLP),
                        new FashionMnist().testSet(), false, new RecipeApplier(), new Evaluator(250),
                        new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            throw new UnsupportedOperationException("one engine");
        });
        model = new SensitivityViewModel(lane, Platform::runLater, () -> 0);
        view = new SensitivityView(model);
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void closeLane() {
        lane.close();
    }

    @Test
    void runningDrawsOneCurvePerLayer(FxRobot robot) throws Exception {
        robot.clickOn("#runSensitivity");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.busyProperty().get() && !model.curves().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, model.curves().size(), "three dense layers");
        assertEquals(4, view.chart().curves().getSeriesCount(), "a curve per layer and the unpruned line");
        assertEquals(10, view.chart().curves().getSeries(0).getItemCount(), "0% and nine sparsities");
        assertEquals(1.0, model.progressProperty().get(), 1e-9);
        assertTrue(model.statusProperty().get().contains("Most fragile"), model.statusProperty().get());
    }

    @Test
    void cancelStopsTheRunAndKeepsNoHalfResult(FxRobot robot) throws Exception {
        robot.clickOn("#runSensitivity");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.progressProperty().get() > 0);
        robot.clickOn("#cancelSensitivity");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Sensitivity analysis cancelled", model.statusProperty().get());
        assertTrue(model.curves().isEmpty());
        assertTrue(model.progressProperty().get() < 1.0, "stopped part-way: " + model.progressProperty().get());
    }
}
