package org.paretowb.services.search;

/** Told of every evaluation as it is done (on the searching thread), for progress bars and logs. */
@FunctionalInterface
public interface SearchListener {
    SearchListener NONE = (trial, evaluations, budget, best) -> { };

    /**
     * @param best the best full-set candidate within the budget so far (null while there is none)
     */
    void evaluated(Trial trial, int evaluations, int budget, Trial best);
}
