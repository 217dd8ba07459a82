package org.paretowb.services.sweep;

import java.util.Map;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;

/**
 * One recipe of a batch, measured.
 *
 * @param index the recipe's place in the batch
 * @param environment the software and hardware it was measured on (see {@link org.paretowb.services.store.Environment}):
 *     the workstation's for the in-process lane, the executor's (with its host and executor id) on a cluster
 */
public record MeasuredRecipe(int index, Recipe recipe, Measurement measurement, Map<String, String> environment) {
    public MeasuredRecipe {
        environment = Map.copyOf(environment);
    }
}
