package org.paretowb.services.search;

import java.util.List;
import org.paretowb.models.recipe.Recipe;

/**
 * One evaluation of a search: a candidate measured on a subset or on the full set, judged against the baseline
 * measured on the same images.
 *
 * @param number the evaluation's place in the search, from 1
 * @param dropPoints accuracy drop from the baseline on the same images, in points
 * @param meets whether the drop is within the budget
 * @param loss what the strategy minimises (see {@link Goal#loss})
 * @param value the objective's figure (ms, bytes, MACs or images/s)
 */
public record Trial(int number, List<Double> candidate, Recipe recipe, boolean fullSet,
                    CandidateEvaluator.Measured measured, double dropPoints, boolean meets, double loss, double value) {
    public Trial {
        candidate = List.copyOf(candidate);
    }
}
