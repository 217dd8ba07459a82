package org.paretowb.services.search;

import java.util.List;

/** A measured candidate as a strategy sees it: its coordinates and its loss (lower is better; see {@link Goal#loss}). */
public record Observation(List<Double> candidate, double loss) {
    public Observation {
        candidate = List.copyOf(candidate);
    }
}
