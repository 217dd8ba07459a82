package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.services.usecase.ModelSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window opened on a table model has nothing to measure until its CSV is open (the built-in images do not fit);
 * opening it starts the engine and measures the baseline on the rows held out for evaluation.
 */
@ExtendWith(ApplicationExtension.class)
class TableWindowIT {
    @TempDir
    static Path dir;

    private static Path model;
    private WorkbenchWindow window;

    @BeforeAll
    static void trainOnWine() throws Exception {
        model = dir.resolve("wine-mlp.pwb");
        Cli.Run run = Cli.run("train", "--data", TableDataIT.wine().toString(), "--label-column", "target",
                "--hidden", "8", "--epochs", "2", "--eval-share", "0.2", "--seed", "1", "--out", model.toString());
        assertEquals(0, run.exit(), run.describe("train"));
    }

    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(ModelSource.file(model));
        window.show(stage);
        stage.setWidth(1200); // within Monocle's headless screen (1280 x 800)
        stage.setHeight(780);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void openingTheCsvAfterTheModelMeasuresTheBaselineOnItsEvaluationRows() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, onFx(() -> window.model().history().points().size()), "no data yet, nothing measured");

        Path wine = TableDataIT.wine();
        Platform.runLater(() -> window.inputs().openData(wine));

        waitUntil(() -> window.model().history().hasBaseline() && !window.model().jobs().busyProperty().get());
        EvaluatedPoint baseline = onFx(() -> window.model().history().points().get(0));
        assertTrue(baseline.baseline(), "the first point is the baseline");
        assertEquals(36, baseline.measurement().samples(), "the wine table's 20% evaluation split");
        assertEquals(1, onFx(() -> window.model().history().points().size()), "one baseline, not two");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(condition));
    }
}
