package org.paretowb.app.screenshot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.paretowb.models.measure.EvaluatedPoint;

/** The pictures a screenshot takes: the window, or a window or dialog it opens as a user would. */
final class Snapshots {
    private final WindowDriver driver;

    Snapshots(WindowDriver driver) {
        this.driver = driver;
    }

    /** The scene as drawn now. */
    BufferedImage of(Scene scene) throws Exception {
        return WindowDriver.await("the snapshot", 30, done -> {
            done.complete(SwingFXUtils.fromFXImage(scene.snapshot(null), null));
            return () -> { };
        });
    }

    /** Selects the first and the last point in the table, runs Point › Compare two points, and snapshots that window. */
    BufferedImage comparison() throws Exception {
        Scene[] compared = new Scene[1];
        driver.onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<EvaluatedPoint> table = (TableView<EvaluatedPoint>) driver.node("#pointsTable");
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(0);
            table.getSelectionModel().select(table.getItems().size() - 1);
            driver.menuItem("compareItem").fire();
            compared[0] = Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#compareTable") != null)
                    .map(Window::getScene).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Compare two points opened no window"));
        });
        return of(compared[0]);
    }

    /** Runs Model › Input settings… and snapshots the dialog; then closes it unchanged. */
    BufferedImage inputSettings() throws Exception {
        Window dialog = WindowDriver.await("the input settings dialog", 60, done -> {
            ListChangeListener<Window> opened = change -> {
                while (change.next()) {
                    change.getAddedSubList().stream().findFirst().ifPresent(done::complete);
                }
            };
            Window.getWindows().addListener(opened);
            // it waits in a nested event loop until the dialog closes: fired after this wait is set up
            Platform.runLater(() -> driver.menuItem("inputSettingsItem").fire());
            return () -> Window.getWindows().removeListener(opened);
        });
        try {
            return of(dialog.getScene());
        } finally {
            Platform.runLater(dialog::hide);
        }
    }

    /**
     * Scrolls the knobs down to the int8 layers knob, runs Choose layers… and snapshots the window with the
     * checklist where it stands over it, once laid out at its full size; then closes it unchanged.
     */
    BufferedImage withInt8Dialog() throws Exception {
        driver.onFx(() -> ((ScrollPane) driver.node("#knobsScroll")).setVvalue(1.0));
        Platform.runLater(() -> driver.button("int8Choose").fire()); // returns when the checklist closes
        Scene main = driver.window().scene();
        return WindowDriver.await("the int8 layers checklist", 60, done -> {
            AnimationTimer settle = new AnimationTimer() {
                private int settled;

                @Override
                public void handle(long now) { // once per pulse, until the dialog is shown at its full size
                    Window dialog = Window.getWindows().stream()
                            .filter(w -> w != main.getWindow() && w.isShowing() && w.getScene() != null
                                    && w.getScene().lookup("#int8LayerList") != null).findFirst().orElse(null);
                    Region pane = dialog == null ? null : (Region) dialog.getScene().getRoot();
                    boolean laidOut = pane != null && pane.getWidth() > 0
                            && Math.abs(pane.getHeight() - pane.prefHeight(pane.getWidth())) < 1;
                    settled = laidOut ? settled + 1 : 0;
                    if (settled < 3) {
                        return;
                    }
                    stop();
                    try {
                        done.complete(withDialog(main, dialog));
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    } finally {
                        dialog.hide();
                    }
                }
            };
            settle.start();
            return settle::stop;
        });
    }

    /** The window's snapshot with the dialog's drawn where it stands, with a title bar (Xvfb has no window manager). */
    private static BufferedImage withDialog(Scene scene, Window dialog) {
        BufferedImage whole = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        BufferedImage over = SwingFXUtils.fromFXImage(dialog.getScene().snapshot(null), null);
        Window main = scene.getWindow();
        int x = (int) Math.round(dialog.getX() + dialog.getScene().getX() - main.getX() - scene.getX());
        int y = (int) Math.round(dialog.getY() + dialog.getScene().getY() - main.getY() - scene.getY());
        int bar = 26;
        y = Math.max(bar, y);
        Graphics2D g = whole.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0, 0, 0, 90));
        g.fillRect(x + 5, y - bar + 5, over.getWidth(), over.getHeight() + bar); // its shadow
        g.setColor(new Color(55, 65, 81));
        g.fillRect(x, y - bar, over.getWidth(), bar);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(((Stage) dialog).getTitle(), x + 10, y - 8);
        g.drawImage(over, x, y, null);
        g.setColor(Color.GRAY);
        g.drawRect(x - 1, y - bar - 1, over.getWidth() + 1, over.getHeight() + bar + 1);
        g.dispose();
        return whole;
    }
}
