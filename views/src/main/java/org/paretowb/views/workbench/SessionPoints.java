package org.paretowb.views.workbench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.views.common.JobState;

/**
 * The points measured in this window since it opened (or started over), with the live sample count each was
 * asked for: undo and redo return to them instead of measuring again.
 */
final class SessionPoints {
    private final Map<Integer, Integer> samplesById = new HashMap<>();
    private final HistoryViewModel history;
    private final JobState jobs;

    SessionPoints(HistoryViewModel history, JobState jobs) {
        this.history = history;
        this.jobs = jobs;
    }

    void add(EvaluatedPoint point, int samples) {
        samplesById.put(point.id(), samples);
    }

    void clear() {
        samplesById.clear();
    }

    /**
     * Undo or redo back to a recipe measured here on {@code samples} live images: that point is selected again
     * instead of a new measurement and a duplicate row; false if there is none.
     */
    boolean revisit(Recipe recipe, int samples) {
        Optional<EvaluatedPoint> point = history.points().stream()
                .filter(p -> Integer.valueOf(samples).equals(samplesById.get(p.id())) && sameEffect(p.recipe(), recipe))
                .reduce((first, last) -> last);
        point.ifPresent(p -> {
            jobs.cancelAll(); // a measurement of the knobs as they were after is no longer wanted
            history.selectedProperty().set(p);
            jobs.statusProperty().set(String.format(Locale.ROOT,
                    "Back to point #%d, %s (measured in this session; not measured again)", p.id(), p.title()));
        });
        return point.isPresent();
    }

    /**
     * Whether two recipes make the same network: equal, or both the unchanged model (the knobs at rest keep settings
     * of techniques that are off, such as the int8 layers choice, which the baseline's recipe does not).
     */
    private static boolean sameEffect(Recipe a, Recipe b) {
        return a.equals(b) || a.isBaseline() && b.isBaseline();
    }
}
