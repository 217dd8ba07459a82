package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every candidate of the space's grid in order (the last knob varying fastest), skipping those already measured. */
public final class GridStrategy implements SearchStrategy {
    private final List<List<Double>> grid;

    public GridStrategy(SearchSpace space) {
        this.grid = space.grid();
    }

    @Override
    public List<List<Double>> propose(List<Observation> history, int count) {
        Set<List<Double>> seen = new HashSet<>();
        history.forEach(o -> seen.add(o.candidate()));
        List<List<Double>> out = new ArrayList<>();
        for (List<Double> c : grid) {
            if (out.size() == count) {
                break;
            }
            if (seen.add(c)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "grid";
    }
}
