package org.paretowb.services.evaluate;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Makes one point: applies a recipe to a copy of the loaded model's weights, loads the result into the
 * engine, and measures accuracy, batch-1 latency and serialized size. Call it on the compute lane.
 */
public final class PointMeasurer {
    private final PyTorchRuntime runtime;
    private final WeightSet original;
    private final LabeledImages evaluationSet;
    private final boolean subset;
    private final RecipeApplier applier;
    private final ThroughputProbe throughput;
    private final Evaluator evaluator;
    private final LatencyProbe latency;
    private final SizeProbe size = new SizeProbe();

    /** @param subset whether {@code evaluationSet} is only part of the evaluation set (said with every figure) */
    public PointMeasurer(PyTorchRuntime runtime, WeightSet original, LabeledImages evaluationSet, boolean subset,
                         RecipeApplier applier, Evaluator evaluator, LatencyProbe latency,
                         ThroughputProbe throughput) {
        this.applier = applier;
        this.runtime = runtime;
        this.original = original;
        this.evaluationSet = evaluationSet;
        this.subset = subset;
        this.evaluator = evaluator;
        this.latency = latency;
        this.throughput = throughput;
    }

    /** The default settings: batches of 250, 20 warm-up and 200 timed batch-1 runs, 10 batches of 64. */
    public PointMeasurer(PyTorchRuntime runtime, WeightSet original, LabeledImages evaluationSet) {
        this(runtime, original, evaluationSet, false, new RecipeApplier(), new Evaluator(250), new LatencyProbe(20, 200),
                new ThroughputProbe(64, 2, 10));
    }

    public WeightSet original() {
        return original;
    }

    public LabeledImages evaluationSet() {
        return evaluationSet;
    }

    /** The weights a recipe produces from the original (a copy; the original is never changed). */
    public WeightSet apply(Recipe recipe, CancelToken cancel) {
        return applier.apply(original, recipe, cancel);
    }

    /**
     * Runs the original model once through a full evaluation and {@value #WARM_UP_CALLS} batch-1 calls,
     * discarding the figures. The first passes of a fresh process are slower (class loading, the JIT
     * compiling DJL's call path, libtorch's kernel caches). Measured in the window: with 220 warm-up
     * calls, five measurements of the same dense baseline drifted from 0.65 down to 0.51 ms over the
     * first four points, which made the first point, the baseline, look slower than pruned copies.
     */
    public void warmUp(CancelToken cancel) {
        try (LoadedNetwork network = LoadedNetwork.load(original, runtime)) {
            evaluator.accuracy(network, evaluationSet, cancel);
            LatencyProbe longWarmUp = new LatencyProbe(WARM_UP_CALLS, 1, latency.threads());
            runtime.withThreads(latency.threads(), () -> longWarmUp.measure(network, evaluationSet, cancel));
        }
    }

    static final int WARM_UP_CALLS = 1000;

    public Measurement measure(Recipe recipe, CancelToken cancel) {
        WeightSet weights = apply(recipe, cancel);
        cancel.check();
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            double accuracy = evaluator.accuracy(network, evaluationSet, cancel);
            Percentiles times = runtime.withThreads(latency.threads(),
                    () -> latency.measure(network, evaluationSet, cancel));
            double imagesPerSecond = runtime.withThreads(runtime.threads(),
                    () -> throughput.imagesPerSecond(network, evaluationSet, cancel));
            return new Measurement(accuracy, times.at(50), times.at(95), size.sizeBytes(weights),
                    weights.parameters(), weights.nonZeros(), weights.spec().macs(), imagesPerSecond,
                    evaluationSet.size(), weights.spec().describe(), provenance());
        }
    }

    private Provenance provenance() {
        return new Provenance(runtime.description(), runtime.threads(), latency.threads(), evaluationSet.name(), subset,
                latency.warmup(), latency.timed(), throughput.batch(), "fp32 dense kernels", SizeProbe.FORMAT);
    }
}
