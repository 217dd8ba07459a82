package org.paretowb.views.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.ImageFolder;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.input.Normalisation;
import org.paretowb.models.measure.EvaluatedPoint;
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
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.store.Workspace;
import org.paretowb.views.workbench.WorkbenchView;
import org.paretowb.views.workbench.WorkbenchViewModel;
import org.paretowb.views.workbench.WorkspaceSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.paretowb.views.workbench.WorkbenchActions;

/**
 * The window's inputs, driven through its menus and dialogs on the real engine (the example MLP, first on
 * 1,000 test images): other data, the model's input settings, errors that leave the window as it was.
 */
@ExtendWith(ApplicationExtension.class)
class InputsViewIT {
    private Path dir;
    private Path workspaceFile;
    private MeasuringSession lane;
    private final java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor();
    private WorkbenchViewModel model;
    private InputsViewModel inputs;
    private InputsControls controls;
    private final HeldExecutor reading = new HeldExecutor();
    private Path chosen;

    /** Runs what it is given at once, or holds it until released (to cancel a read before it starts). */
    private static final class HeldExecutor implements Executor {
        private final ArrayDeque<Runnable> held = new ArrayDeque<>();
        private boolean holding;

        @Override
        public synchronized void execute(Runnable work) {
            if (holding) {
                held.add(work);
            } else {
                Thread thread = new Thread(work, "test-data-loading");
                thread.setDaemon(true);
                thread.start();
            }
        }

        synchronized void hold() {
            holding = true;
        }

        synchronized void release() {
            holding = false;
            while (!held.isEmpty()) {
                execute(held.poll());
            }
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("inputs-view");
        workspaceFile = dir.resolve("w" + Workspace.EXTENSION);
        WeightSet weights = new ExampleWeights().load(Architecture.MLP);
        ModelSettings settings = ModelSettings.of(weights.spec()).withClassNames(FashionMnist.CLASS_NAMES);
        ModelInputs initial = ModelInputs.of("MLP", weights, settings, new FashionMnist().testSet().first(1000),
                "first 1,000 test images", "the test", DataSplit.NONE);
        lane = new MeasuringSession(initial.context(), () -> measurer(initial), () -> {
            throw new UnsupportedOperationException("one engine");
        });
        model = new WorkbenchViewModel(lane, Platform::runLater, io, WorkbenchActions.NONE, "MLP", initial.dataTitle());
        WorkspaceSession session = new WorkspaceSession(initial.context(), new RecentWorkspaces(dir.resolve("recent.txt")),
                () -> Map.of("cpu", "test"));
        model.history().useWorkspace(session, workspaceFile);
        WorkbenchView view = new WorkbenchView(model);
        inputs = new InputsViewModel(initial, lane, model, InputsViewIT::measurer, reading, Platform::runLater);
        controls = InputsControls.install(view, model, inputs, new InputsControls.Choosers() {
            @Override
            public Optional<Path> folder(Window owner) {
                return Optional.ofNullable(chosen);
            }

            @Override
            public Optional<Path> file(Window owner) {
                return Optional.ofNullable(chosen);
            }
        });
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
        model.start();
    }

    private static PointMeasurer measurer(ModelInputs in) {
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        return new PointMeasurer(runtime, in.weights(), in.evaluation(), false, new RecipeApplier(), new Evaluator(250),
                new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
    }

    @AfterEach
    void close() {
        lane.close();
        model.history().close();
        io.shutdown();
    }

    @Test
    void openingADataFolderShowsItsClassesAndStartsOverFromANewBaseline(FxRobot robot) throws Exception {
        waitUntil(() -> model.history().points().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> model.history().points().size() == 2 && !model.jobs().busyProperty().get());
        ModelInputs before = inputs.inputs();
        chosen = imageFolder(dir.resolve("three-classes"), new int[] {0, 1, 2}, 20);

        robot.clickOn("File").clickOn("Open data folder…");
        waitUntil(() -> inputs.inputs() != before && !inputs.busyProperty().get()
                && model.history().points().size() == 1 && !model.jobs().busyProperty().get());

        EvaluatedPoint baseline = model.history().points().get(0);
        assertTrue(baseline.baseline(), "the history started over from a new baseline");
        assertEquals(60, baseline.measurement().samples(), "measured on the folder's 60 images");
        assertEquals(0.0, model.knobs().pruning().percentProperty().get(), "the knobs started over too");
        assertFalse(model.knobs().canUndoProperty().get());
        TableView<DataSummary.ClassRow> counts = robot.lookup("#classCounts").queryTableView();
        assertEquals(List.of(20, 20, 20, 0, 0, 0, 0, 0, 0, 0), counts.getItems().stream()
                .map(DataSummary.ClassRow::total).toList());
        assertEquals("Trouser", counts.getItems().get(1).name(), "named by the model's class names");
        assertTrue(robot.lookup("#dataTitle").queryLabeled().getText().contains("three-classes"));
        assertTrue(model.dataTitle().contains("(60 images)"), model.dataTitle());
        try (Workspace w = Workspace.open(workspaceFile)) {
            assertEquals(1, w.points(inputs.inputs().context()).size(), "the new baseline is saved under the new data");
            assertEquals(2, w.points(before.context()).size(), "the points of the data before are kept");
        }
    }

    @Test
    void aBadFolderShowsWhatIsWrongAndTheWindowKeepsItsPoints(FxRobot robot) throws Exception {
        waitUntil(() -> model.history().points().size() == 1 && !model.jobs().busyProperty().get());
        robot.doubleClickOn("#sparsityField").eraseText(6).write("50").type(KeyCode.ENTER);
        waitUntil(() -> model.history().points().size() == 2 && !model.jobs().busyProperty().get());
        List<EvaluatedPoint> points = List.copyOf(model.history().points());
        ModelInputs before = inputs.inputs();

        chosen = Files.createDirectories(dir.resolve("empty"));
        robot.clickOn("File").clickOn("Open data folder…");
        waitUntil(() -> !inputs.busyProperty().get());
        assertDialogSays(robot, chosen + " is empty");

        Path noImages = imageFolder(dir.resolve("no-images"), new int[] {0, 1}, 3);
        Files.createDirectories(noImages.resolve("2"));
        Files.writeString(noImages.resolve("2").resolve("notes.txt"), "not an image");
        Platform.runLater(() -> controls.drop(List.of(noImages.toFile()))); // as dropping the folder on the window
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !inputs.busyProperty().get());
        assertDialogSays(robot, noImages.resolve("2") + " holds no PNG or JPEG image");

        assertEquals(points, List.copyOf(model.history().points()), "the window keeps its points");
        assertSame(before, inputs.inputs(), "and its data");
        robot.doubleClickOn("#sparsityField").eraseText(6).write("70").type(KeyCode.ENTER);
        waitUntil(() -> model.history().points().size() == 3 && !model.jobs().busyProperty().get());
        assertEquals(1000, model.history().points().get(2).measurement().samples(), "and goes on measuring the data it had");
    }

    @Test
    void cancellingAReadKeepsTheDataTheWindowHad(FxRobot robot) throws Exception {
        waitUntil(() -> model.history().points().size() == 1 && !model.jobs().busyProperty().get());
        ModelInputs before = inputs.inputs();
        chosen = imageFolder(dir.resolve("cancelled"), new int[] {0, 1}, 5);
        reading.hold();

        robot.clickOn("File").clickOn("Open data folder…");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(inputs.busyProperty().get(), "reading");
        robot.clickOn("#dataCancel");
        reading.release();
        waitUntil(() -> !inputs.busyProperty().get());

        assertTrue(robot.lookup("#dataStatus").queryLabeled().getText().startsWith("Reading the data cancelled"),
                robot.lookup("#dataStatus").queryLabeled().getText());
        assertSame(before, inputs.inputs());
        assertEquals(1, model.history().points().size());
    }

    @Test
    void theInputSettingsDialogRefusesBadValuesAndAppliesGoodOnesFromANewBaseline(FxRobot robot) throws Exception {
        waitUntil(() -> model.history().points().size() == 1 && !model.jobs().busyProperty().get());
        ModelInputs before = inputs.inputs();

        robot.clickOn("Model");
        // the menu's item, not the Data tab's button of the same name
        robot.clickOn(robot.from(robot.lookup(".context-menu").queryAll()).lookup("Input settings…")
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Button ok = robot.lookup("#settingsOk").queryButton();
        replace(robot, "#settingsStd", "0");
        assertTrue(message(robot).contains("std must be a positive number"), message(robot));
        assertTrue(ok.isDisabled(), "OK refuses a std of 0");
        replace(robot, "#settingsStd", "0.5, 0.25");
        assertTrue(message(robot).contains("one mean and one std per channel (1)"), message(robot));
        assertTrue(ok.isDisabled());
        replace(robot, "#settingsStd", "abc");
        assertTrue(message(robot).contains("Std value 'abc' is not a number"), message(robot));
        replace(robot, "#settingsStd", "0.35");
        robot.clickOn("#settingsClassNames").press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL)
                .press(KeyCode.SHIFT).type(KeyCode.HOME).release(KeyCode.SHIFT).type(KeyCode.BACK_SPACE)
                .type(KeyCode.BACK_SPACE); // the last class name and its line
        assertTrue(message(robot).contains("9 class names given, but the model has 10 classes"), message(robot));
        robot.write("\nboot");
        replace(robot, "#settingsMean", "0.29");
        assertEquals("", message(robot));
        assertFalse(ok.isDisabled());

        robot.clickOn(ok);
        waitUntil(() -> inputs.inputs() != before && !inputs.busyProperty().get()
                && model.history().points().size() == 1 && !model.jobs().busyProperty().get());

        ModelSettings applied = inputs.inputs().settings();
        assertEquals(new Normalisation(new float[] {0.29f}, new float[] {0.35f}), applied.normalisation());
        assertEquals("boot", applied.classNames().get(9));
        assertEquals(applied.normalisation(), inputs.inputs().evaluation().normalisation(),
                "the data was read again with the new normalisation");
        assertTrue(model.history().points().get(0).baseline(), "a new baseline");
        assertFalse(inputs.inputs().context().dataHash().equals(before.context().dataHash()),
                "the points of other normalisation are not mixed with these");
        try (Workspace w = Workspace.open(workspaceFile)) {
            assertEquals(applied, w.settings(before.modelHash()).orElseThrow(), "the workspace remembers them");
        }
    }

    private static void replace(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#settingsMessage").queryLabeled().getText();
    }

    private static void assertDialogSays(FxRobot robot, String text) {
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String shown = dialog.getContentText();
        assertTrue(shown.contains(text), shown);
        assertFalse(shown.contains("Exception") || shown.contains("\tat "), "no stack trace: " + shown);
        robot.clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One numbered sub-folder per class, holding the first {@code each} test images of that class as PNG. */
    static Path imageFolder(Path folder, int[] classes, int each) throws Exception {
        LabeledImages test = new FashionMnist().testSet();
        for (int c : classes) {
            Path classFolder = Files.createDirectories(folder.resolve(String.valueOf(c)));
            int written = 0;
            for (int i = 0; i < test.size() && written < each; i++) {
                if (test.label(i) == c) {
                    ImageFolder.writePng(test.pixels(), i * 784, 28, 28, classFolder.resolve(i + ".png"));
                    written++;
                }
            }
        }
        return folder;
    }

    /** Waits until the condition holds, read on the FX thread (between two events, never in the middle of one). */
    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
