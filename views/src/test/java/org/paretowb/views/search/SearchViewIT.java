package org.paretowb.views.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.search.Objective;
import org.paretowb.services.search.SearchResult;
import org.paretowb.services.search.Trial;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.views.OrtCnnLane;
import org.paretowb.views.workbench.HistoryViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Search tab on the real engine: the example CNN on its first 1,000 test images (the search's whole set here),
 * smallest bytes within a 1-point budget, grid strategy. Every candidate becomes a point of the window; a search started again with
 * the same seed reads its points back and measures nothing.
 */
@ExtendWith(ApplicationExtension.class)
class SearchViewIT {
    private MeasuringSession lane;
    private HistoryViewModel history;
    private SearchViewModel model;

    @Start
    void start(Stage stage) {
        lane = new MeasuringSession(OrtCnnLane.CONTEXT, () -> {
            PyTorchRuntime runtime = new PyTorchRuntime();
            runtime.prepareInferenceThread();
            FashionMnist data = new FashionMnist();
            try {
                return new PointMeasurer(runtime, new ExampleWeights().load(Architecture.CNN),
                        data.testSet().first(1000), true, new RecipeApplier(new NetworkTrainer(runtime),
                        data.embeddedTrainingSubset().first(1000), (e, n, l, a, ms) -> { }), new Evaluator(250),
                        new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            throw new UnsupportedOperationException("one engine");
        });
        history = new HistoryViewModel(Platform::runLater, Runnable::run, message -> { }, message -> { });
        model = new SearchViewModel(lane, Platform::runLater, history);
        model.objectiveProperty().set(Objective.BYTES);
        model.strategyProperty().set(SearchViewModel.Strategy.GRID); // fp32, int8, int4, int2, static int8, then 10% pruned
        model.evaluationsProperty().set(8);
        model.seedProperty().set(3);
        stage.setScene(new Scene(new SearchView(model).root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void closeLane() {
        lane.close();
    }

    @Test
    void everyCandidateBecomesAPointTheBestMeetsTheBudgetAndTheSameSeedAgainMeasuresNothing(FxRobot robot)
            throws Exception {
        robot.clickOn("#startSearch");
        SearchResult first = finished();

        assertEquals(8, first.evaluations());
        List<EvaluatedPoint> points = onFx(() -> List.copyOf(history.points()));
        for (Trial t : first.trials()) {
            EvaluatedPoint point = points.stream().filter(p -> p.id() == t.measured().point()).findFirst()
                    .orElseThrow(() -> new AssertionError("trial " + t.number() + " has no point"));
            assertEquals(t.recipe(), point.recipe());
            assertEquals(t.measured().measurement().accuracy(), point.measurement().accuracy(), 0.0);
        }
        assertNotNull(first.best(), "int8 weights keep the CNN within a point");
        assertTrue(first.best().meets() && first.best().dropPoints() <= 1.0, first.best().toString());
        assertTrue(first.best().value() < first.baseline().measurement().sizeBytes(), "smaller than the baseline");
        assertEquals(first.baseline().measurement().accuracy() * 100 - 1.0, onFx(() -> model.budgetLineProperty().get()),
                1e-9, "the charts' budget line: the baseline's top-1 less one point");
        assertTrue(onFx(() -> robot.lookup("#searchStatus").queryLabeled().getText()).startsWith("Search done in 8"
                + " evaluations"));

        robot.clickOn("#startSearch");
        SearchResult again = finished();

        assertEquals(first.evaluations(), again.reused(), "every candidate read back from the window's points");
        assertEquals(points.size(), (int) onFx(() -> history.points().size()), "no point added");
        assertEquals(first.best().recipe(), again.best().recipe());
    }

    private SearchResult finished() throws Exception {
        // Search clears the last result on the FX thread, before clickOn returns
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> onFx(() -> !model.busyProperty().get()
                && (model.resultProperty().get() != null || model.statusProperty().get().startsWith("Search failed"))));
        WaitForAsyncUtils.waitForFxEvents();
        SearchResult result = onFx(() -> model.resultProperty().get());
        assertNotNull(result, onFx(() -> model.statusProperty().get()));
        return result;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
