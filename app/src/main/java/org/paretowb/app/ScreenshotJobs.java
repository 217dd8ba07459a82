package org.paretowb.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.paretowb.models.measure.EvaluatedPoint;

/** What a screenshot waits for in the window: points measured, jobs run to where the picture is taken. */
final class ScreenshotJobs {
    private ScreenshotJobs() {
    }

    static void awaitPoints(WorkbenchWindow window, int count) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            ListChangeListener<EvaluatedPoint> check = change -> {
                if (change.getList().size() >= count) {
                    done.complete(null);
                }
            };
            window.model().history().points().addListener(check);
            if (window.model().history().points().size() >= count) {
                done.complete(null);
            }
            window.model().errorProperty().addListener((o, old, message) -> {
                if (message != null) {
                    done.completeExceptionally(new UserError(message));
                }
            });
        });
        try {
            done.get(300, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new UserError("no measured point arrived within 300 s (point " + count + ")", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof UserError u ? u : new UserError(e.getCause().getMessage(), e);
        }
    }

    /** Runs the int8 per-layer profile, waits for it, and brings its tab to the front. */
    static void profile(WorkbenchWindow window) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.layers().busyProperty().addListener((o, was, busy) -> {
                if (!busy) {
                    done.complete(null);
                }
            });
            window.layers().profile();
            ((javafx.scene.control.TabPane) window.scene().lookup("#tabs")).getSelectionModel().select(1);
        });
        done.get(300, TimeUnit.SECONDS);
    }

    static void distil(WorkbenchWindow window, int epochs) throws Exception {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.distillation().epochsProperty().set(epochs * 3);
            window.distillation().curve().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                if (c.getList().size() >= epochs) {
                    shown.complete(null);
                }
            });
            window.distillation().start();
            ((javafx.scene.control.TabPane) window.scene().lookup("#tabs")).getSelectionModel().select(3);
        });
        shown.get(600, TimeUnit.SECONDS);
    }

    /** Selects the n-th point, runs Point › Measure on DJL PyTorch, and waits for the DJL point. */
    static void measureOnDjl(WorkbenchWindow window, int n) throws Exception {
        CompletableFuture<Integer> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            var points = window.model().history().points();
            if (n > points.size()) {
                started.completeExceptionally(new UserError("--djl " + n + ": there are " + points.size() + " points"));
                return;
            }
            window.model().history().selectedProperty().set(points.get(n - 1));
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) window.scene().lookup("#menuBar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "djlItem".equals(i.getId()))
                    .findFirst().orElseThrow().fire();
            started.complete(points.size());
        });
        awaitPoints(window, started.get(30, TimeUnit.SECONDS) + 1);
    }

    static void sensitivity(WorkbenchWindow window) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.sensitivity().busyProperty().addListener((o, was, busy) -> {
                if (!busy) {
                    done.complete(null);
                }
            });
            window.sensitivity().run();
            ((javafx.scene.control.TabPane) window.scene().lookup("#tabs")).getSelectionModel().select(2);
        });
        done.get(300, TimeUnit.SECONDS);
    }

    /** Changes the window's inputs (as dropping a data folder does) and waits until it has started over on them. */
    static void startOver(WorkbenchWindow window, Runnable change) throws Exception {
        CompletableFuture<Void> switched = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.inputs().inputsProperty().addListener((o, old, now) -> switched.complete(null));
            window.model().errorProperty().addListener((o, old, message) -> {
                if (message != null) {
                    switched.completeExceptionally(new UserError(message));
                }
            });
            change.run();
        });
        try {
            switched.get(600, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof UserError u ? u : new UserError(e.getCause().getMessage(), e);
        }
    }

    /** Closes the dialogs still open (the input settings a model file did not state): exiting under one crashes JavaFX. */
    static void closeDialogs() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                    .forEach(javafx.stage.Window::hide);
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);
    }
}
