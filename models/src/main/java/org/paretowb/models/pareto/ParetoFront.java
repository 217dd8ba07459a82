package org.paretowb.models.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The points no other point beats on both objectives: higher quality (accuracy) and lower cost
 * (latency, bytes, ...).
 */
public final class ParetoFront<T> {
    private final ToDoubleFunction<T> quality;
    private final ToDoubleFunction<T> cost;

    public ParetoFront(ToDoubleFunction<T> quality, ToDoubleFunction<T> cost) {
        this.quality = quality;
        this.cost = cost;
    }

    /** True when {@code a} is at least as good as {@code b} on both objectives and better on one. */
    public boolean dominates(T a, T b) {
        double qa = quality.applyAsDouble(a);
        double qb = quality.applyAsDouble(b);
        double ca = cost.applyAsDouble(a);
        double cb = cost.applyAsDouble(b);
        return qa >= qb && ca <= cb && (qa > qb || ca < cb);
    }

    /** The non-dominated points, by ascending cost. Of exact duplicates, the first given is kept. */
    public List<T> of(List<T> points) {
        List<T> byCost = new ArrayList<>(points);
        // cheapest first; among equal costs the most accurate first, so one pass finds the front
        byCost.sort(Comparator.comparingDouble(cost).thenComparing(Comparator.comparingDouble(quality).reversed()));
        List<T> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (T p : byCost) {
            double q = quality.applyAsDouble(p);
            if (q > best) {
                front.add(p);
                best = q;
            }
        }
        return front;
    }

    public boolean onFront(T point, List<T> all) {
        return all.stream().noneMatch(other -> other != point && dominates(other, point));
    }
}
