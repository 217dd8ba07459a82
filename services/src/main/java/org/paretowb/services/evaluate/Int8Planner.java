package org.paretowb.services.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.onnx.OnnxExporter;

/**
 * Chooses the layers that run in int8 "where it pays". The per-layer profile names the candidates (layers
 * whose int8 kernel beats fp32 at batch 1 and at the evaluation batch); but switching a layer to int8 also
 * costs layout changes and quantize nodes around it, which no single layer's row shows. So every subset of
 * the candidates (at most {@value #MAX_SUBSET_CANDIDATES} candidates; beyond that, as in a graph network of many
 * layers, none and all the candidates together), and every layer in int8 (an int8 chain can pay where no layer
 * pays alone), is timed as a whole network, batch-1 median and evaluation time, and the fastest by the
 * mean of the two ratios to fp32 wins; fp32 everywhere wins when nothing beats it. That is the balanced
 * {@link Target}; a target of batch-1 latency alone, or of throughput at a batch size (the evaluation then timed in
 * batches of that size), picks the option with the lowest ratio for that scenario instead: the layer set that wins
 * at batch 1 can lose at the evaluation batch.
 */
public final class Int8Planner {
    static final int MAX_SUBSET_CANDIDATES = 5;
    private static final int ROUNDS = 3;

    private final OrtRuntime runtime;
    private final LayerProfiler profiler;
    private final OnnxExporter exporter = new OnnxExporter();

    public Int8Planner(OrtRuntime runtime, LayerProfiler profiler) {
        this.runtime = runtime;
        this.profiler = profiler;
    }

    /** The scenario the layer set is chosen for. */
    public record Target(Kind kind, int batch) {
        /** Balanced: the mean of the batch-1 and evaluation (batch 250) ratios, as before targets existed. */
        public static final Target BALANCED = new Target(Kind.BALANCED, 250);
        public static final Target LATENCY = new Target(Kind.LATENCY, 250);

        public enum Kind { BALANCED, LATENCY, THROUGHPUT }

        public Target {
            if (batch < 1) {
                throw new IllegalArgumentException("the throughput batch must be 1 or more, got " + batch);
            }
        }

        public static Target throughput(int batch) {
            return new Target(Kind.THROUGHPUT, batch);
        }

        /** {@code balanced}, {@code latency} or {@code throughput} (at {@code batch}). */
        public static Target parse(String kind, int batch) {
            return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
                case "balanced" -> BALANCED;
                case "latency" -> LATENCY;
                case "throughput" -> throughput(batch);
                default -> throw new IllegalArgumentException("--int8-target takes balanced, latency or throughput, not '"
                        + kind + "'");
            };
        }

        /** The option's cost for this scenario (its time relative to fp32's). */
        public double cost(Option option) {
            return switch (kind) {
                case BALANCED -> option.cost();
                case LATENCY -> option.batch1Ratio();
                case THROUGHPUT -> option.evaluationRatio();
            };
        }

        /** "throughput at batch 256", as said beside the choice. */
        public String describe() {
            return switch (kind) {
                case BALANCED -> "the mean of batch-1 latency and evaluation time (batch 250)";
                case LATENCY -> "batch-1 latency";
                case THROUGHPUT -> "throughput at batch " + batch;
            };
        }
    }

    /** A subset of layers in int8 and its whole-network times relative to fp32. */
    public record Option(Set<String> layers, double batch1Ratio, double evaluationRatio) {
        /** The balanced cost: the mean of the two ratios. */
        public double cost() {
            return (batch1Ratio + evaluationRatio) / 2;
        }
    }

    /** The profile, every option timed, the choice, and the scenario it was chosen for. */
    public record Plan(LayerProfiler.Profile profile, List<Option> options, Set<String> chosen, Target target) {
        public Plan(LayerProfiler.Profile profile, List<Option> options, Set<String> chosen) {
            this(profile, options, chosen, Target.BALANCED);
        }
    }

    public Plan plan(WeightSet calibrated, LabeledImages images, CancelToken cancel) {
        return plan(calibrated, images, Target.BALANCED, cancel);
    }

    /** As {@link #plan(WeightSet, LabeledImages, CancelToken)}, choosing for {@code target}. */
    public Plan plan(WeightSet calibrated, LabeledImages images, Target target, CancelToken cancel) {
        LayerProfiler.Profile profile = profiler.profile(calibrated, images, cancel);
        List<Set<String>> subsets = subsets(new ArrayList<>(new TreeSet<>(profile.paying())),
                LayerProfiler.calibratedLayers(calibrated));
        double[][] batch1 = new double[subsets.size()][ROUNDS];
        double[][] evaluation = new double[subsets.size()][ROUNDS];
        LabeledImages timed = images.first(1000);
        for (int round = 0; round < ROUNDS; round++) {
            for (int s = 0; s < subsets.size(); s++) {
                byte[] onnx = exporter.export(calibrated, subsets.get(s));
                try (OnnxNetwork single = runtime.load(onnx, calibrated.spec(), 1)) {
                    Percentiles p = new LatencyProbe(20, 100, 1).measure(single, timed, cancel);
                    batch1[s][round] = p.at(50);
                }
                try (OnnxNetwork all = runtime.load(onnx, calibrated.spec(), Runtime.getRuntime().availableProcessors())) {
                    Evaluator evaluator = new Evaluator(target.batch());
                    evaluator.accuracy(all, timed.first(500), cancel); // a new session's first batches are slower
                    long start = System.nanoTime();
                    evaluator.accuracy(all, timed, cancel);
                    evaluation[s][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        List<Option> options = new ArrayList<>();
        for (int s = 0; s < subsets.size(); s++) {
            options.add(new Option(subsets.get(s), median(batch1[s]) / median(batch1[0]),
                    median(evaluation[s]) / median(evaluation[0])));
        }
        Option best = options.stream().min(Comparator.comparingDouble(target::cost)).orElseThrow();
        return new Plan(profile, options, best.layers(), target);
    }

    /**
     * The empty set first, then the subsets of the candidates (when there are many, all of them together instead),
     * and every layer ({@code all}) in any case: a chain of int8 layers can pay as a whole where no layer pays
     * alone, since the quantize nodes between them go.
     */
    static List<Set<String>> subsets(List<String> candidates, Set<String> all) {
        List<Set<String>> subsets = new ArrayList<>();
        if (candidates.size() <= MAX_SUBSET_CANDIDATES) {
            for (int mask = 0; mask < 1 << candidates.size(); mask++) {
                Set<String> subset = new HashSet<>();
                for (int k = 0; k < candidates.size(); k++) {
                    if ((mask & 1 << k) != 0) {
                        subset.add(candidates.get(k));
                    }
                }
                subsets.add(subset);
            }
        } else {
            subsets.add(Set.of());
            subsets.add(new HashSet<>(candidates));
        }
        if (!subsets.contains(all)) {
            subsets.add(new HashSet<>(all));
        }
        return subsets;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
