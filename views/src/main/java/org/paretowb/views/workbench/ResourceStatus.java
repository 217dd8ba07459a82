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

    void start() {
        refresh();
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
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
