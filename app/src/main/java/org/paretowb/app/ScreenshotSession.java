package org.paretowb.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import org.paretowb.views.knobs.QuantizationSection;
import org.paretowb.views.workbench.WorkbenchViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;

/** Drives the real window through knob settings and saves a snapshot of it (for docs and review). */
public final class ScreenshotSession {
    private final ModelSource source;
    private final List<Step> steps = new ArrayList<>();
    private final Path out;

    /** One knob setting; it says whether it changed anything (a change starts a measurement by itself). */
    private interface Step {
        boolean apply(WorkbenchViewModel model);
    }

    private final boolean profileLayers;
    private boolean dark;
    private boolean sensitivity;
    private boolean compare;
    private String tab;
    private int distilEpochsShown;
    private Path data;
    private boolean inputSettings;
    private org.paretowb.views.inputs.DataSplit split;

    /** Split the data this way (after opening it) before the knob settings; null: as it is. */
    public ScreenshotSession split(org.paretowb.views.inputs.DataSplit value) {
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

    private int djlPoint;
    private boolean int8Dialog;

    /** Measure the n-th point (1: the baseline) on DJL PyTorch and show the ORT vs DJL tab (0: not). */
    public ScreenshotSession djl(int point) {
        this.djlPoint = point;
        return this;
    }

    /** Measure static int8 on exactly these layers, chosen in the int8 layers checklist (empty: not). */
    public ScreenshotSession int8Layers(List<String> layers) {
        if (!layers.isEmpty()) {
            steps.add(model -> {
                Int8Layers listed = new Int8Layers(Int8Layers.Kind.LISTED, layers);
                QuantizationSection q = model.knobs().quantization();
                boolean changed = q.modeProperty().get() != QuantizationSettings.Mode.STATIC
                        || !listed.equals(q.int8LayersProperty().get());
                q.int8Choice().choose(layers);
                q.modeProperty().set(QuantizationSettings.Mode.STATIC);
                return changed;
            });
        }
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

    /**
     * @param int8 static int8 settings to measure after the pruning ones: "auto" (where it pays) or "all"
     * @param profileLayers whether to run the int8 per-layer profile and show its tab in the snapshot
     */
    public ScreenshotSession(ModelSource source, List<Double> sparsity, List<Double> structured,
                             List<String> int8, boolean profileLayers, Path out) {
        this.source = source;
        sparsity.forEach(p -> steps.add(percent(model -> model.knobs().pruning().percentProperty(), p)));
        structured.forEach(p -> steps.add(percent(model -> model.knobs().structured().percentProperty(), p)));
        int8.forEach(choice -> steps.add(model -> {
            Int8Layers layers = Int8Layers.parse(choice);
            QuantizationSection q = model.knobs().quantization();
            boolean changed = q.modeProperty().get() != QuantizationSettings.Mode.STATIC
                    || !layers.equals(q.int8LayersProperty().get());
            q.int8LayersProperty().set(layers);
            q.modeProperty().set(QuantizationSettings.Mode.STATIC);
            return changed;
        }));
        this.profileLayers = profileLayers;
        this.out = out;
    }

    private static Step percent(Function<WorkbenchViewModel, DoubleProperty> knob, double value) {
        return model -> {
            DoubleProperty property = knob.apply(model);
            boolean changed = property.get() != value;
            property.set(value);
            return changed;
        };
    }

    public void run() throws Exception {
        CompletableFuture<WorkbenchWindow> opened = new CompletableFuture<>();
        try {
            Platform.startup(() -> {
                WorkbenchWindow window = new WorkbenchWindow(source);
                window.show(new Stage());
                opened.complete(window);
            });
        } catch (UnsupportedOperationException e) {
            throw new UserError("no display to open the window on (run under xvfb-run)", e);
        }
        WorkbenchWindow window = opened.get(60, TimeUnit.SECONDS);
        try {
            if (dark) {
                Platform.runLater(() -> window.view().dark(true));
            }
            if (WindowInputs.hasData(window.inputs().inputs())) {
                ScreenshotJobs.awaitPoints(window, 1);
            }
            if (data != null) {
                ScreenshotJobs.startOver(window, () -> window.inputControls().drop(List.of(data.toFile())));
                ScreenshotJobs.awaitPoints(window, 1);
            }
            if (split != null) {
                ScreenshotJobs.startOver(window, () -> window.inputs().applySplit(split));
                ScreenshotJobs.awaitPoints(window, 1);
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                Platform.runLater(() -> {
                    if (!step.apply(window.model())) {
                        window.model().knobs().measureAgain(); // no change event for an unchanged value
                    }
                });
                ScreenshotJobs.awaitPoints(window, i + 2);
            }
            if (profileLayers) {
                ScreenshotJobs.profile(window);
            }
            if (sensitivity) {
                ScreenshotJobs.sensitivity(window);
            }
            if (distilEpochsShown > 0) {
                ScreenshotJobs.distil(window, distilEpochsShown);
            }
            if (djlPoint > 0) {
                ScreenshotJobs.measureOnDjl(window, djlPoint);
            }
            String tab = this.tab != null ? this.tab : djlPoint > 0 ? "ORT vs DJL" : null;
            if (tab != null) {
                CompletableFuture<Void> shown = new CompletableFuture<>();
                Platform.runLater(() -> {
                    var points = window.model().history().points();
                    window.model().history().selectedProperty().set(points.get(points.size() - 1));
                    javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) window.scene().lookup("#tabs");
                    var chosen = tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(tab)).findFirst();
                    if (chosen.isEmpty()) {
                        shown.completeExceptionally(new UserError("no tab '" + tab + "'"));
                        return;
                    }
                    tabs.getSelectionModel().select(chosen.get());
                    shown.complete(null);
                });
                shown.get(60, TimeUnit.SECONDS);
            }
            if (compare) {
                writeComparison(window);
            } else if (inputSettings) {
                writeInputSettings(window);
            } else if (int8Dialog) {
                writeWithInt8Dialog(window);
            } else {
                write(window.scene());
            }
        } finally {
            window.close();
            ScreenshotJobs.closeDialogs();
            Platform.exit();
        }
    }

    /**
     * Opens Choose layers… (the int8 layers checklist) and snapshots the window with the dialog where it
     * stands over it, then closes the dialog unchanged.
     */
    private void writeWithInt8Dialog(WorkbenchWindow window) throws Exception {
        Platform.runLater(() -> {
            // the quantization knobs are below the fold: show them, as a user choosing layers would
            ((javafx.scene.control.ScrollPane) window.scene().lookup(".knobs-scroll")).setVvalue(1.0);
            ((javafx.scene.control.Button) window.scene().lookup("#int8Choose")).fire(); // returns when it closes
        });
        CompletableFuture<java.awt.image.BufferedImage> image = new CompletableFuture<>();
        Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            private int settled;

            @Override
            public void handle(long now) { // once per pulse, until the dialog is shown at its full size
                javafx.stage.Window main = window.scene().getWindow();
                javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream()
                        .filter(w -> w != main && w.isShowing() && w.getScene() != null
                                && w.getScene().lookup("#int8LayerList") != null).findFirst().orElse(null);
                javafx.scene.layout.Region pane = dialog == null ? null : (javafx.scene.layout.Region) dialog.getScene().getRoot();
                boolean laidOut = pane != null && pane.getWidth() > 0
                        && Math.abs(pane.getHeight() - pane.prefHeight(pane.getWidth())) < 1;
                settled = laidOut ? settled + 1 : 0;
                if (settled < 3) {
                    return;
                }
                stop();
                try {
                    image.complete(withDialog(window.scene(), dialog));
                } catch (RuntimeException e) {
                    image.completeExceptionally(e);
                } finally {
                    dialog.hide();
                }
            }
        }.start());
        try {
            writeImage(image.get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new UserError("the int8 layers checklist did not open within 60 s", e);
        }
    }

    /** The window's snapshot with the dialog's drawn where it stands, with a title bar (Xvfb has no window manager). */
    private static java.awt.image.BufferedImage withDialog(javafx.scene.Scene scene, javafx.stage.Window dialog) {
        java.awt.image.BufferedImage whole = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        java.awt.image.BufferedImage over = SwingFXUtils.fromFXImage(dialog.getScene().snapshot(null), null);
        javafx.stage.Window main = scene.getWindow();
        int x = (int) Math.round(dialog.getX() + dialog.getScene().getX() - main.getX() - scene.getX());
        int y = (int) Math.round(dialog.getY() + dialog.getScene().getY() - main.getY() - scene.getY());
        int bar = 26;
        y = Math.max(bar, y);
        java.awt.Graphics2D g = whole.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0, 0, 0, 90));
        g.fillRect(x + 5, y - bar + 5, over.getWidth(), over.getHeight() + bar); // its shadow
        g.setColor(new java.awt.Color(55, 65, 81));
        g.fillRect(x, y - bar, over.getWidth(), bar);
        g.setColor(java.awt.Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        g.drawString(((javafx.stage.Stage) dialog).getTitle(), x + 10, y - 8);
        g.drawImage(over, x, y, null);
        g.setColor(java.awt.Color.GRAY);
        g.drawRect(x - 1, y - bar - 1, over.getWidth() + 1, over.getHeight() + bar + 1);
        g.dispose();
        return whole;
    }

    /** Opens Model › Input settings… and snapshots the dialog over the window. */
    private void writeInputSettings(WorkbenchWindow window) throws Exception {
        CompletableFuture<javafx.stage.Window> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.stage.Window.getWindows().addListener((ListChangeListener<javafx.stage.Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().stream().findFirst().ifPresent(opened::complete);
                }
            });
            window.inputControls().editSettings(null); // waits in a nested event loop until the dialog closes
        });
        javafx.stage.Window dialog = opened.get(60, TimeUnit.SECONDS);
        write(dialog.getScene());
        Platform.runLater(dialog::hide);
    }

    /** Selects the first and the last point, opens Point › Compare, and snapshots that window. */
    private void writeComparison(WorkbenchWindow window) throws Exception {
        CompletableFuture<javafx.scene.Scene> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<EvaluatedPoint> table =
                    (javafx.scene.control.TableView<EvaluatedPoint>) window.scene().lookup("#pointsTable");
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(0);
            table.getSelectionModel().select(table.getItems().size() - 1);
            window.view().compareSelected();
            javafx.stage.Window last = javafx.stage.Window.getWindows().get(javafx.stage.Window.getWindows().size() - 1);
            opened.complete(last.getScene());
        });
        write(opened.get(30, TimeUnit.SECONDS));
    }

    /** Snapshots the scene on the FX thread and writes it as PNG, whole or not at all. */
    private void write(javafx.scene.Scene scene) throws Exception {
        CompletableFuture<java.awt.image.BufferedImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(SwingFXUtils.fromFXImage(scene.snapshot(null), null)));
        writeImage(image.get(30, TimeUnit.SECONDS));
    }

    private void writeImage(java.awt.image.BufferedImage png) throws Exception {
        try {
            AtomicFile.write(out, temp -> ImageIO.write(png, "png", temp.toFile()));
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
