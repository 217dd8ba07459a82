package org.paretowb.views.workbench;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.paretowb.services.monitor.ProcessMonitor;

/** The status bar's resource figures, sampled once a second on the FX thread (a sample takes well under 1 ms). */
final class ResourceStatus {
    private final ProcessMonitor monitor = new ProcessMonitor();
    private final StringProperty text = new SimpleStringProperty("");
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));

    /**
     * Samples while {@code node}'s window is showing, and stops when it is hidden or the node leaves it: a
     * running timeline is referenced by the FX toolkit and would keep a closed window alive.
     */
    void runWhileShown(javafx.scene.Node node) {
        timeline.setCycleCount(Timeline.INDEFINITE);
        javafx.beans.value.ChangeListener<Boolean> showing = (obs, was, now) -> follow(now);
        javafx.beans.value.ChangeListener<javafx.stage.Window> window = (obs, old, now) -> {
            if (old != null) {
                old.showingProperty().removeListener(showing);
            }
            if (now != null) {
                now.showingProperty().addListener(showing);
            }
            follow(now != null && now.isShowing());
        };
        javafx.beans.value.ChangeListener<javafx.scene.Scene> scene = (obs, old, now) -> {
            if (old != null) {
                old.windowProperty().removeListener(window);
            }
            if (now != null) {
                now.windowProperty().addListener(window);
            }
            window.changed(null, null, now == null ? null : now.getWindow());
        };
        node.sceneProperty().addListener(scene);
        scene.changed(null, null, node.getScene());
    }

    private void follow(boolean showing) {
        if (showing) {
            refresh();
            timeline.play();
        } else {
            timeline.stop();
        }
    }

    /** Whether it is sampling (for tests). */
    boolean running() {
        return timeline.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    void refresh() {
        ProcessMonitor.Sample s = monitor.sample();
        text.set(String.format(Locale.ROOT, "CPU %3.0f%%   heap %,d / %,d MB   RSS %s", s.cpuShare() * 100,
                s.heapUsedBytes() >> 20, s.heapMaxBytes() >> 20,
                s.residentBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", s.residentBytes() >> 20)));
    }

    ReadOnlyStringProperty textProperty() {
        return text;
    }
}
