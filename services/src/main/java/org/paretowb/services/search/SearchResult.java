package org.paretowb.services.search;

import java.util.List;

/**
 * What a search found.
 *
 * @param baseline the unchanged model measured on the full set
 * @param trials every evaluation, in order (the baselines not counted)
 * @param best the best full-set candidate within the budget; null when none met it (the baseline is then the answer)
 * @param exhausted whether the strategy ran out of new candidates before the evaluation budget
 */
public record SearchResult(Goal goal, CandidateEvaluator.Measured baseline, List<Trial> trials, Trial best,
                           boolean exhausted) {
    public SearchResult {
        trials = List.copyOf(trials);
    }

    public int evaluations() {
        return trials.size();
    }

    public long fullSetEvaluations() {
        return trials.stream().filter(Trial::fullSet).count();
    }

    /** Evaluations read back from the workspace instead of measured. */
    public long reused() {
        return trials.stream().filter(t -> t.measured().reused()).count();
    }

    /**
     * The number of evaluations after which a full-set candidate within the budget had a loss (the objective relative
     * to the baseline, see {@link Goal#loss}) at most {@code target}; 0 when none did.
     */
    public int evaluationsToReach(double target) {
        for (Trial t : trials) {
            if (t.fullSet() && t.meets() && t.loss() <= target + 1e-12) {
                return t.number();
            }
        }
        return 0;
    }
}
