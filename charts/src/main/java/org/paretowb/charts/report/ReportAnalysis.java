package org.paretowb.charts.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.paretowb.charts.CostAxis;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Forgetting;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.measure.SharedImages;
import org.paretowb.models.pareto.ParetoFront;
import org.paretowb.models.report.ReportInput;

/** What the report derives from its input, worked out once: frontiers, gains, and what each point forgot. */
final class ReportAnalysis {
    private final ReportInput input;
    private final Set<Integer> latencyFront;
    private final Set<Integer> sizeFront;
    private final Map<Integer, Forgetting> forgetting = new HashMap<>();

    ReportAnalysis(ReportInput input) {
        this.input = input;
        this.latencyFront = front(input.points(), CostAxis.LATENCY);
        this.sizeFront = front(input.points(), CostAxis.SIZE);
    }

    private static Set<Integer> front(List<EvaluatedPoint> points, CostAxis axis) {
        org.paretowb.models.measure.LatencyAnchors drawn = org.paretowb.models.measure.LatencyAnchors.of(points);
        return new ParetoFront<EvaluatedPoint>(p -> p.measurement().accuracy(),
                p -> axis == CostAxis.LATENCY ? drawn.p50(p) : axis.cost(p.measurement()))
                .of(points).stream().map(EvaluatedPoint::id).collect(Collectors.toSet());
    }

    ReportInput input() {
        return input;
    }

    boolean isBaseline(EvaluatedPoint p) {
        return input.baseline() != null && p.id() == input.baseline().id();
    }

    boolean onLatencyFront(EvaluatedPoint p) {
        return latencyFront.contains(p.id());
    }

    boolean onSizeFront(EvaluatedPoint p) {
        return sizeFront.contains(p.id());
    }

    /** The point's gains against the baseline; empty without a baseline. */
    Optional<Gains> gains(EvaluatedPoint p) {
        return input.baseline() == null ? Optional.empty() : Optional.of(Gains.of(input.baseline(), p));
    }

    /** Which images the point shares with the baseline; empty without a baseline. */
    Optional<SharedImages> shared(EvaluatedPoint p) {
        if (input.baseline() == null) {
            return Optional.empty();
        }
        int available = input.evaluationSet() == null ? Integer.MAX_VALUE : input.evaluationSet().size();
        return Optional.of(SharedImages.of(input.baseline().measurement(), p.measurement(), available));
    }

    /**
     * What the point forgot against the baseline, image by image; empty without a baseline, without the
     * evaluation set, or when the two saw no images in common.
     */
    Optional<Forgetting> forgetting(EvaluatedPoint p) {
        if (input.evaluationSet() == null || shared(p).map(s -> !s.comparable()).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(forgetting.computeIfAbsent(p.id(),
                id -> Forgetting.between(input.baseline().measurement(), p.measurement(), input.evaluationSet())));
    }
}
