package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.measure.Engines;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.Architecture;
import org.paretowb.views.inputs.DataSplit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.paretowb.services.usecase.ModelSource;

/**
 * The window's wiring between its view models: what one tab starts measures the inputs another tab set; a model file
 * that cannot be opened is named in a dialog.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowIT {
    private WorkbenchWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(ModelSource.example(Architecture.CNN));
        window.show(stage);
        stage.setWidth(1200); // within Monocle's headless screen (1280 x 800)
        stage.setHeight(780);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void afterStartingOverOnANewSplitMeasureOnDjlPyTorchMeasuresTheNewInputs() throws Exception {
        waitUntil(() -> window.model().history().points().size() == 1 && !window.model().jobs().busyProperty().get());
        measureFirstPointOnDjl(); // the DJL engine is made and warmed up on the first inputs

        Platform.runLater(() -> window.inputs().applySplit(new DataSplit(0.05, 7)));
        waitUntil(() -> window.inputs().inputs().split().active() && !window.inputs().busyProperty().get()
                && window.model().history().points().size() == 1 && !window.model().jobs().busyProperty().get());
        EvaluatedPoint baseline = onFx(() -> window.model().history().points().get(0));
        assertEquals(500, baseline.measurement().samples(), "the new baseline: 5% of 10,000 images");

        EvaluatedPoint djl = measureFirstPointOnDjl();

        assertEquals(Engines.DJL_PYTORCH, djl.engine());
        assertEquals(baseline.measurement().samples(), djl.measurement().samples(), "the new evaluation images");
        assertEquals(baseline.measurement().how().evaluationSet(), djl.measurement().how().evaluationSet());
        assertEquals(baseline.measurement().accuracy(), djl.measurement().accuracy(), 0.01,
                "the same network on the same 500 images, within 5 predictions");
    }

    @Test
    void aModelFileTheImporterRefusesIsNamedInADialogWithTheCommandLinesMessage(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().history().points().size() == 1 && !window.model().jobs().busyProperty().get());
        for (BadGraphs.Case bad : BadGraphs.all(dir)) {
            Platform.runLater(() -> window.model().openModel(bad.file()));
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            String text = onFx(dialog::getContentText);

            assertEquals("Opening " + bad.file().getFileName() + " failed: " + bad.message(), text,
                    "the same line as the command line's, in a dialog");
            Platform.runLater(() -> dialog.getScene().getWindow().hide());
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        }
        assertEquals(1, onFx(() -> window.model().history().points().size()), "the window's points are kept");
    }

    @Test
    void aRecipeOpenedInTheWindowAndSavedFromItsFullSetPointRunsHeadlessAtExactlyItsAccuracy(FxRobot robot)
            throws Exception {
        waitUntil(() -> window.model().history().points().size() == 1 && !window.model().jobs().busyProperty().get());
        Path found = java.nio.file.Files.writeString(dir.resolve("found.json"),
                "{\"format\": \"paretowb-recipe\", \"version\": 1, \"prune\": 0.5, \"bits\": 8}");
        Platform.runLater(() -> window.model().recipes().open(found));
        waitUntil(() -> window.model().history().points().size() == 2 && !window.model().jobs().busyProperty().get());
        assertEquals(0.5, onFx(() -> window.model().knobs().recipe().pruning().sparsity()), "the file went on the knobs");
        Platform.runLater(() -> {
            window.model().history().selectedProperty().set(window.model().history().points().get(1));
            window.model().measureSelectedOnFullSet();
        });
        waitUntil(() -> window.model().history().points().size() == 3 && !window.model().jobs().busyProperty().get());
        EvaluatedPoint full = onFx(() -> window.model().history().points().get(2));
        assertEquals(10_000, full.measurement().samples());

        Path saved = dir.resolve("saved.json");
        Platform.runLater(() -> window.model().history().selectedProperty().set(full));
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> window.model().recipes().saveSelected(saved)).get(30, TimeUnit.SECONDS);
        Cli.Run headless = Cli.run("eval", "--model", "cnn", "--recipe", saved.toString(), "--json");

        assertEquals(0, headless.exit(), headless.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(headless.out());
        assertEquals(full.recipe().summary(), json.get("recipe").asText());
        assertEquals(10_000, json.get("samples").asInt());
        assertEquals(full.measurement().accuracy(), json.get("accuracy").asDouble(), 0.0, "exactly the same accuracy");

        Path future = java.nio.file.Files.writeString(dir.resolve("future.json"),
                "{\"format\": \"paretowb-recipe\", \"version\": 99, \"prune\": 0.5}");
        Platform.runLater(() -> window.model().recipes().open(future));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String text = onFx(robot.lookup(".dialog-pane").queryAs(DialogPane.class)::getContentText);
        assertTrue(text.startsWith("Opening the recipe failed: " + future) && !text.contains("\n")
                && text.contains("99"), text);
        assertEquals(3, onFx(() -> window.model().history().points().size()), "nothing measured, nothing lost");
        assertEquals(0.5, onFx(() -> window.model().knobs().recipe().pruning().sparsity()), "the knobs as they were");
    }

    private EvaluatedPoint measureFirstPointOnDjl() throws Exception {
        int before = onFx(() -> window.model().history().points().size());
        Platform.runLater(() -> {
            window.model().history().selectedProperty().set(window.model().history().points().get(0));
            window.engines().measureSelected();
        });
        waitUntil(() -> window.model().history().points().size() == before + 1 && !window.engines().busyProperty().get());
        return onFx(() -> window.model().history().points().get(before));
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
