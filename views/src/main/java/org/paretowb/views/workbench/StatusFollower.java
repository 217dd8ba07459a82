package org.paretowb.views.workbench;

import java.util.Locale;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.FigureText;
import org.paretowb.models.measure.Measurement;
import org.paretowb.views.common.JobState;

/**
 * The status line follows what happened last: a point added by any job (a fine-tune or a student too) says so,
 * and a point selected in the table or on a chart is named with its figures, so the line never names an old
 * point or an engine start long over. A running job's own messages take precedence while it runs.
 */
final class StatusFollower {
    private StatusFollower() {
    }

    static void follow(HistoryViewModel history, JobState jobs) {
        history.latestProperty().addListener((obs, old, point) -> {
            if (point != null && point.id() != 0 && jobs.idle()) {
                String load = FigureText.load(point.measurement().how());
                jobs.statusProperty().set(describe("Point", point) + (load.isEmpty() ? "" : ". \u26a0 " + load));
            }
        });
        history.selectedProperty().addListener((obs, old, point) -> {
            if (point != null && jobs.idle() && point != history.latestProperty().get()) {
                jobs.statusProperty().set(describe("Selected", point));
            }
        });
    }

    private static String describe(String what, EvaluatedPoint point) {
        Measurement m = point.measurement();
        return String.format(Locale.ROOT, "%s #%d, %s: %.2f%% top-1 on %,d images%s, p50 %.3f ms, %,d bytes", what,
                point.id(), point.title(), m.accuracy() * 100, m.samples(), m.how().subset() ? " (live subset)" : " (full set)",
                m.latencyP50Ms(), m.sizeBytes());
    }
}
