package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Candidates drawn uniformly (log-uniformly on log ranges) from a generator seeded by the seed and the number of
 * observations, so that a given seed always draws the same sequence.
 */
public final class RandomStrategy implements SearchStrategy {
    /** Draws tried for one new candidate before the space is taken to have no other. */
    static final int TRIES = 1000;

    private final SearchSpace space;
    private final long seed;

    public RandomStrategy(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public List<List<Double>> propose(List<Observation> history, int count) {
        Random random = Seeds.random(seed, history.size(), 0);
        Set<List<Double>> seen = new HashSet<>();
        history.forEach(o -> seen.add(o.candidate()));
        List<List<Double>> out = new ArrayList<>();
        while (out.size() < count) {
            List<Double> c = draw(space, random, seen);
            if (c == null) {
                break;
            }
            out.add(c);
        }
        return out;
    }

    /** A uniform candidate not in {@code seen} (then added to it), or null after {@value #TRIES} draws that all were. */
    static List<Double> draw(SearchSpace space, Random random, Set<List<Double>> seen) {
        for (int t = 0; t < TRIES; t++) {
            List<Double> c = new ArrayList<>();
            for (Knob k : space.knobs()) {
                c.add(k.uniform(random));
            }
            if (seen.add(List.copyOf(c))) {
                return List.copyOf(c);
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "random";
    }
}
