package org.paretowb.app.screenshot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.paretowb.app.WorkbenchWindow;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.store.RecentWorkspaces;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.RememberedSettings;
import org.paretowb.services.usecase.UserError;
import org.paretowb.views.inputs.DataSplit;
import org.paretowb.views.knobs.Knobs;
import org.paretowb.views.knobs.QuantizationSection;

/**
 * Drives the real window through knob settings and saves a snapshot of it (for docs and review), only through what
 * a user or a test could reach: controls and menus by their ids, tabs by their titles, the view models' public
 * methods ({@link WindowDriver}).
 */
public final class ScreenshotSession {
    private final ModelSource source;
    private final List<Step> steps = new ArrayList<>();
    private final Path out;
    private final boolean profileLayers;
    private boolean dark;
    private boolean sensitivity;
    private int searchEvaluations;
    private org.paretowb.models.measure.SensitivityTechnique sensitivityTechnique =
            org.paretowb.models.measure.SensitivityTechnique.PRUNE;
    private boolean compare;
    private String tab;
    private int distilEpochsShown;
    private Path data;
    private boolean inputSettings;
    private DataSplit split;
    private int djlPoint;
    private boolean int8Dialog;
    private Path workspace;
    private String thirdAxis;

    /** One knob setting; it says whether it changed anything (a change starts a measurement by itself). */
    private interface Step {
        boolean apply(Knobs knobs);
    }

    /**
     * @param int8 static int8 settings to measure after the pruning ones: "auto" (where it pays) or "all"
     * @param profileLayers whether to run the int8 per-layer profile and show its tab in the snapshot
     */
    public ScreenshotSession(ModelSource source, List<Double> sparsity, List<Double> structured,
                             List<String> int8, boolean profileLayers, Path out) {
        this.source = source;
        sparsity.forEach(p -> steps.add(percent(knobs -> knobs.pruning().percentProperty(), p)));
        structured.forEach(p -> steps.add(percent(knobs -> knobs.structured().percentProperty(), p)));
        int8.forEach(choice -> steps.add(int8(Int8Layers.parse(choice),
                q -> q.int8LayersProperty().set(Int8Layers.parse(choice)))));
        this.profileLayers = profileLayers;
        this.out = out;
    }

    /** Split the data this way (after opening it) before the knob settings; null: as it is. */
    public ScreenshotSession split(DataSplit value) {
        this.split = value;
        return this;
    }

    /** Open this data (a folder or file) before the knob settings: the window starts over on it (null: none). */
    public ScreenshotSession data(Path value) {
        this.data = value;
        return this;
    }

    /** Snapshot Model › Input settings… open over the window instead of the window. */
    public ScreenshotSession inputSettings(boolean value) {
        this.inputSettings = value;
        return this;
    }

    /** Measure the n-th point (1: the baseline) on DJL PyTorch and show the ORT vs DJL tab (0: not). */
    public ScreenshotSession djl(int point) {
        this.djlPoint = point;
        return this;
    }

    /** Measure static int8 on exactly these layers, chosen in the int8 layers checklist (empty: not). */
    public ScreenshotSession int8Layers(List<String> layers) {
        if (!layers.isEmpty()) {
            steps.add(int8(new Int8Layers(Int8Layers.Kind.LISTED, layers), q -> q.int8Choice().choose(layers)));
        }
        return this;
    }

    /**
     * Open this workspace (created if missing) and show its points of the model and data before the knob settings;
     * its recent list is a file beside it, not the user's (null: no workspace, points are not saved).
     */
    public ScreenshotSession workspace(Path value) {
        this.workspace = value;
        return this;
    }

    /** The third chart's axis by its picker title (MACs, Parameters, Throughput; null: as it opens). */
    public ScreenshotSession thirdAxis(String title) {
        this.thirdAxis = title;
        return this;
    }

    /** Open the int8 layers checklist (Choose layers…) over the window in the snapshot. */
    public ScreenshotSession int8Dialog(boolean value) {
        this.int8Dialog = value;
        return this;
    }

    /** Start a distillation job and snapshot it in progress, after this many epochs (0: no job). */
    public ScreenshotSession distilInProgress(int epochs) {
        this.distilEpochsShown = epochs;
        return this;
    }

    /** The technique the sensitivity analysis runs (pruning unless set). */
    public ScreenshotSession sensitivityTechnique(org.paretowb.models.measure.SensitivityTechnique value) {
        this.sensitivityTechnique = value;
        return this;
    }

    /** Run a balance search of this many evaluations (0: none) on the Search tab and show it in the snapshot. */
    public ScreenshotSession search(int evaluations) {
        this.searchEvaluations = evaluations;
        return this;
    }

    /** Run the sensitivity analysis and show its tab in the snapshot. */
    public ScreenshotSession sensitivity(boolean value) {
        this.sensitivity = value;
        return this;
    }

    /** Snapshot the comparison of the first and the last point instead of the main window. */
    public ScreenshotSession compare(boolean value) {
        this.compare = value;
        return this;
    }

    /** Select the last point and bring the tab with this title to the front (null: the charts). */
    public ScreenshotSession tab(String title) {
        this.tab = title;
        return this;
    }

    /** Take the snapshot in the dark theme. */
    public ScreenshotSession dark(boolean value) {
        this.dark = value;
        return this;
    }

    private static Step percent(Function<Knobs, DoubleProperty> knob, double value) {
        return knobs -> {
            DoubleProperty property = knob.apply(knobs);
            boolean changed = property.get() != value;
            property.set(value);
            return changed;
        };
    }

    /** Static int8 on {@code layers}, chosen by {@code choose}. */
    private static Step int8(Int8Layers layers, java.util.function.Consumer<QuantizationSection> choose) {
        return knobs -> {
            QuantizationSection q = knobs.quantization();
            boolean changed = q.modeProperty().get() != QuantizationSettings.Mode.STATIC
                    || !layers.equals(q.int8LayersProperty().get());
            choose.accept(q);
            q.modeProperty().set(QuantizationSettings.Mode.STATIC);
            return changed;
        };
    }

    public void run() throws Exception {
        CompletableFuture<WorkbenchWindow> opened = new CompletableFuture<>();
        RememberedSettings remembered = workspace == null ? new RememberedSettings(source, false, null)
                : RememberedSettings.read(source, workspace);
        RecentWorkspaces recent = workspace == null ? null
                : new RecentWorkspaces(workspace.toAbsolutePath().resolveSibling("recent-workspaces.txt"));
        java.util.Optional<String> cannot = org.paretowb.app.DisplayCheck.here().problem();
        if (cannot.isPresent()) {
            throw new UserError(cannot.get());
        }
        try {
            Platform.startup(() -> {
                WorkbenchWindow window = new WorkbenchWindow(remembered, workspace, recent);
                window.show(new Stage());
                opened.complete(window);
            });
        } catch (UnsupportedOperationException e) {
            throw new UserError("no display to open the window on (run under xvfb-run)", e);
        }
        WorkbenchWindow shown;
        try {
            shown = opened.get(WindowDriver.MEASURING_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new UserError("the window did not open within " + WindowDriver.MEASURING_SECONDS + " s", e);
        }
        WindowDriver driver = new WindowDriver(shown);
        try {
            drive(driver);
            snapshot(driver);
        } finally {
            driver.window().close();
            WindowDriver.closeDialogs();
            Platform.exit();
        }
    }

    private void drive(WindowDriver driver) throws Exception {
        WorkbenchWindow window = driver.window();
        if (dark) {
            driver.onFx(() -> ((CheckMenuItem) driver.menuItem("darkItem")).setSelected(true));
        }
        if (window.inputs().inputs().hasData()) {
            driver.awaitBaseline();
        }
        if (data != null) {
            driver.startOver(() -> {
                driver.showTab("Data");
                window.inputs().openData(data);
            });
            driver.awaitBaseline();
        }
        if (split != null) {
            driver.startOver(() -> window.inputs().applySplit(split));
            driver.awaitBaseline();
        }
        if (thirdAxis != null) {
            driver.onFx(() -> driver.pickThirdAxis(thirdAxis));
        }
        for (Step step : steps) {
            int[] before = new int[1];
            driver.onFx(() -> {
                before[0] = window.model().history().points().size();
                if (!step.apply(window.model().knobs())) {
                    window.model().knobs().measureAgain(); // no change event for an unchanged value
                }
            });
            driver.awaitPoints(before[0] + 1);
        }
        if (profileLayers) {
            driver.runOnTab("int8 per layer", "profileLayers", window.layers().busyProperty());
        }
        if (sensitivity) {
            driver.onFx(() -> window.sensitivity().techniqueProperty().set(sensitivityTechnique));
            driver.runOnTab("Sensitivity", "runSensitivity", window.sensitivity().busyProperty());
        }
        if (searchEvaluations > 0) {
            driver.onFx(() -> window.search().evaluationsProperty().set(searchEvaluations));
            driver.runOnTab("Search", "startSearch", window.search().busyProperty(), 3600);
        }
        if (distilEpochsShown > 0) {
            distil(driver);
        }
        if (djlPoint > 0) {
            measureOnDjl(driver);
        }
        String shown = tab != null ? tab : djlPoint > 0 ? "ORT vs DJL" : null;
        if (shown != null) {
            driver.onFx(() -> {
                var points = window.model().history().points();
                window.model().history().selectedProperty().set(points.get(points.size() - 1));
                driver.showTab(shown);
            });
        }
    }

    /** Starts Distil on its tab (with three times the epochs to show) and waits until that many have run. */
    private void distil(WindowDriver driver) throws Exception {
        WorkbenchWindow window = driver.window();
        WindowDriver.await("distillation epoch " + distilEpochsShown, 600, done -> {
            var curve = window.training().curve();
            ListChangeListener<Object> epochs = change -> { // whole epochs: the curve also moves every few batches
                if (List.copyOf(curve).stream().filter(e -> e.epoch() == Math.rint(e.epoch())).count()
                        >= distilEpochsShown) {
                    done.complete(null);
                }
            };
            curve.addListener(epochs);
            window.training().epochsProperty().set(distilEpochsShown * 3);
            driver.showTab("Distillation and fine-tuning");
            driver.button("distil").fire();
            return () -> curve.removeListener(epochs);
        });
    }

    /** Selects the n-th point, runs Point › Measure on DJL PyTorch, and waits for the DJL point. */
    private void measureOnDjl(WindowDriver driver) throws Exception {
        WorkbenchWindow window = driver.window();
        int[] before = new int[1];
        driver.onFx(() -> {
            var points = window.model().history().points();
            if (djlPoint > points.size()) {
                throw new UserError("--djl " + djlPoint + ": there are " + points.size() + " points");
            }
            before[0] = points.size();
            window.model().history().selectedProperty().set(points.get(djlPoint - 1));
            driver.menuItem("djlItem").fire();
        });
        driver.awaitPoints(before[0] + 1);
    }

    private void snapshot(WindowDriver driver) throws Exception {
        Snapshots snapshots = new Snapshots(driver);
        BufferedImage image = compare ? snapshots.comparison()
                : inputSettings ? snapshots.inputSettings()
                : int8Dialog ? snapshots.withInt8Dialog()
                : snapshots.of(driver.window().scene());
        try {
            AtomicFile.write(out, temp -> ImageIO.write(image, "png", temp.toFile()));
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
