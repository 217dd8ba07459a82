package org.paretowb.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Technique;

/**
 * Points a chart draws at the same place (the same figures on both of its axes), drawn as one marker with their
 * count. The marker is the family of the baseline when the group holds it, else of its first point; it is hollow
 * when that point was measured on a live subset.
 *
 * @param points by id
 */
public record PointGroup(double x, double y, List<EvaluatedPoint> points) {
    public PointGroup {
        points = List.copyOf(points);
    }

    /** The points in groups of equal (x, y), in the order of their first point. */
    public static List<PointGroup> of(List<EvaluatedPoint> points, ToDoubleFunction<EvaluatedPoint> x,
                                      ToDoubleFunction<EvaluatedPoint> y) {
        Map<List<Double>, List<EvaluatedPoint>> at = new LinkedHashMap<>();
        for (EvaluatedPoint p : points) {
            at.computeIfAbsent(List.of(x.applyAsDouble(p), y.applyAsDouble(p)), k -> new ArrayList<>()).add(p);
        }
        List<PointGroup> groups = new ArrayList<>();
        at.forEach((xy, members) -> groups.add(new PointGroup(xy.get(0), xy.get(1),
                members.stream().sorted(Comparator.comparingInt(EvaluatedPoint::id)).toList())));
        return groups;
    }

    /** The point that stands for the group (the baseline if it holds one, else the first by id). */
    public EvaluatedPoint first() {
        return points.stream().filter(EvaluatedPoint::baseline).findFirst().orElse(points.get(0));
    }

    /** The family whose marker the group gets. */
    public Technique family() {
        return Technique.of(first().recipe());
    }

    /** Whether the group's marker is hollow (its point measured on a live subset). */
    public boolean subset() {
        return first().subset();
    }

    public int size() {
        return points.size();
    }
}
