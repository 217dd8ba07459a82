package org.paretowb.app.screenshot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.paretowb.app.WorkbenchWindow;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.services.usecase.UserError;

/**
 * Drives a window as a user or a test could: controls and menu items found by their ids, tabs by their titles, and
 * the view models' public methods; it waits for what the window does through their properties. Every listener it
 * adds is removed once what it waited for has happened (or the wait gave up).
 */
final class WindowDriver {
    private final WorkbenchWindow window;

    WindowDriver(WorkbenchWindow window) {
        this.window = window;
    }

    WorkbenchWindow window() {
        return window;
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    void onFx(Runnable action) throws Exception {
        await("the window", MEASURING_SECONDS, done -> {
            action.run();
            done.complete(null);
            return () -> { };
        });
    }

    /**
     * Runs {@code start} on the FX thread: it adds the listeners that complete {@code done} and returns how to
     * remove them, which runs on the FX thread once the wait is over, however it ended.
     */
    static <T> T await(String what, int seconds, Function<CompletableFuture<T>, Runnable> start) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Runnable[] remove = {() -> { }};
        Platform.runLater(() -> {
            try {
                remove[0] = start.apply(done);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new UserError(what + " did not happen within " + seconds + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UserError u ? u : new UserError(e.getCause().getMessage(), e);
        } finally {
            Platform.runLater(() -> remove[0].run()); // after the start above: the FX thread runs them in order
        }
    }

    /**
     * How long a measurement may take before the screenshot gives up: a guard against a hung window, not a budget.
     * On 2 cores shared with builds (load average 27) a table model's baseline, a second's work on a quiet machine,
     * took over 300 s, the former limit.
     */
    static final int MEASURING_SECONDS = 1200;

    /** Waits until the window holds {@code count} points; an error the window reports ends the wait. */
    void awaitPoints(int count) throws Exception {
        await("point " + count, MEASURING_SECONDS, done -> {
            ObservableList<EvaluatedPoint> points = window.model().history().points();
            ListChangeListener<EvaluatedPoint> check = change -> {
                if (points.size() >= count) {
                    done.complete(null);
                }
            };
            points.addListener(check);
            Runnable failing = failOnError(done);
            if (points.size() >= count) {
                done.complete(null);
            }
            return () -> {
                points.removeListener(check);
                failing.run();
            };
        });
    }

    /** Waits until the window shows a baseline: measured, or read from its workspace. */
    void awaitBaseline() throws Exception {
        await("the baseline", MEASURING_SECONDS, done -> {
            ObservableList<EvaluatedPoint> points = window.model().history().points();
            ListChangeListener<EvaluatedPoint> check = change -> {
                if (window.model().history().hasBaseline()) {
                    done.complete(null);
                }
            };
            points.addListener(check);
            Runnable failing = failOnError(done);
            if (window.model().history().hasBaseline()) {
                done.complete(null);
            }
            return () -> {
                points.removeListener(check);
                failing.run();
            };
        });
    }

    /** Picks the third chart's axis by its title in the picker above it. On the FX thread. */
    @SuppressWarnings("unchecked")
    void pickThirdAxis(String title) {
        javafx.scene.control.ChoiceBox<Object> picker = (javafx.scene.control.ChoiceBox<Object>) node("#thirdAxis");
        Object axis = picker.getItems().stream()
                .filter(item -> picker.getConverter().toString(item).equalsIgnoreCase(title)).findFirst()
                .orElseThrow(() -> new UserError("no third axis '" + title + "'"));
        picker.setValue(axis);
    }

    /** Runs {@code change} (which makes the window start over on other inputs) and waits until it has. */
    void startOver(Runnable change) throws Exception {
        await("starting over on the new inputs", 600, done -> {
            ChangeListener<Object> switched = (o, old, now) -> done.complete(null);
            window.inputs().inputsProperty().addListener(switched);
            Runnable failing = failOnError(done);
            change.run();
            return () -> {
                window.inputs().inputsProperty().removeListener(switched);
                failing.run();
            };
        });
    }

    /** Brings the tab {@code title} to the front, clicks the button {@code id} on it, and waits until it is idle. */
    void runOnTab(String title, String buttonId, ReadOnlyBooleanProperty busy) throws Exception {
        runOnTab(title, buttonId, busy, 300);
    }

    /** As {@link #runOnTab(String, String, ReadOnlyBooleanProperty)}, waiting up to {@code seconds}. */
    void runOnTab(String title, String buttonId, ReadOnlyBooleanProperty busy, int seconds) throws Exception {
        await(title + " (" + buttonId + ")", seconds, done -> {
            ChangeListener<Boolean> idle = (o, was, now) -> {
                if (!now) {
                    done.complete(null);
                }
            };
            busy.addListener(idle);
            showTab(title);
            ButtonBase button = button(buttonId);
            if (button.isDisabled()) {
                throw new UserError(title + ": " + button.getText() + " is not available now");
            }
            button.fire();
            return () -> busy.removeListener(idle);
        });
    }

    /** Adds a listener that fails {@code done} with the message of an error the window reports; returns its removal. */
    private Runnable failOnError(CompletableFuture<?> done) {
        ChangeListener<String> failed = (o, old, message) -> {
            if (message != null) {
                done.completeExceptionally(new UserError(message));
            }
        };
        window.model().errorProperty().addListener(failed);
        return () -> window.model().errorProperty().removeListener(failed);
    }

    /** Brings the tab with this title (any case) to the front; a message when there is none. On the FX thread. */
    void showTab(String title) {
        TabPane tabs = (TabPane) node("#tabs");
        Tab tab = tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                .orElseThrow(() -> new UserError("no tab '" + title + "'"));
        tabs.getSelectionModel().select(tab);
    }

    /** The control with this CSS selector (an id: "#tabs"). On the FX thread. */
    Node node(String selector) {
        Node node = window.scene().lookup(selector);
        if (node == null) {
            throw new IllegalStateException("the window has no " + selector);
        }
        return node;
    }

    ButtonBase button(String id) {
        return (ButtonBase) node("#" + id);
    }

    /** The menu item with this id, in any menu of the menu bar. On the FX thread. */
    MenuItem menuItem(String id) {
        return ((MenuBar) node("#menuBar")).getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the window has no menu item " + id));
    }

    /** Closes the dialogs still open (the input settings a model file did not state): exiting under one crashes JavaFX. */
    static void closeDialogs() throws Exception {
        await("closing the dialogs", 30, done -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                    .forEach(Window::hide);
            done.complete(null);
            return () -> { };
        });
    }
}
