package org.paretowb.services.search;

import java.util.List;

/**
 * Chooses the next candidates from those measured so far. A strategy holds no state between calls: the same
 * observations give the same proposals, which is what lets a search resume from its stored points.
 */
public interface SearchStrategy {
    /**
     * Up to {@code count} candidates of the space, none among {@code history}'s and no two the same; fewer (or none)
     * when the space has no other.
     */
    List<List<Double>> propose(List<Observation> history, int count);

    /** The strategy's name as the command line writes it. */
    String name();
}
