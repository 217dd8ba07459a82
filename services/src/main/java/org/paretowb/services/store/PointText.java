package org.paretowb.services.store;

import java.util.Map;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;

/**
 * Recipes, measurements and environments as the workspace stores them (JSON text), for shipping points between
 * processes (a cluster's executors and its driver) in the very form they are saved in.
 */
public final class PointText {
    private PointText() {
    }

    public static String write(Recipe recipe) {
        return PointJson.write(recipe);
    }

    public static String write(Measurement measurement) {
        return PointJson.write(measurement);
    }

    public static String write(Map<String, String> environment) {
        return PointJson.write(environment);
    }

    public static Recipe recipe(String json) {
        return PointJson.recipe(json);
    }

    public static Measurement measurement(String json) {
        return PointJson.measurement(json);
    }

    public static Map<String, String> environment(String json) {
        return PointJson.environment(json);
    }
}
