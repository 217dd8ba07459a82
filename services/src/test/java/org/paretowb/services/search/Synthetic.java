package org.paretowb.services.search;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * A made-up model for testing the search without an engine: removing channels makes it faster and, beyond 30%,
 * less accurate; pruning beyond 60% costs accuracy; int2 weights cost 5 points; the subset reads 0.5 points high.
 */
final class Synthetic implements CandidateEvaluator {
    static final int FULL = 1000;
    final AtomicInteger measured = new AtomicInteger();
    final java.util.List<Recipe> order = new java.util.ArrayList<>();

    @Override
    public int fullSetSize() {
        return FULL;
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel) {
        for (int i = 0; i < recipes.size(); i++) {
            cancel.check();
            measured.incrementAndGet();
            order.add(recipes.get(i));
            sink.measured(i, new Measured(measurement(recipes.get(i), samples), 0, false));
        }
    }

    static Measurement measurement(Recipe r, int samples) {
        boolean subset = samples > 0 && samples < FULL;
        double s = r.structured().ratio();
        double p = r.pruning().sparsity();
        double accuracy = 0.90 - Math.max(0, s - 0.3) * 0.2 - Math.max(0, p - 0.6) * 0.1
                - (r.quantization().active() && r.quantization().bits() == 2 ? 0.05 : 0) + (subset ? 0.005 : 0);
        double latency = 1.0 - 0.8 * s;
        long bytes = Math.round(100_000 * (1 - s) * (1 - p) * (r.quantization().active() ? r.quantization().bits() / 32.0
                : 1));
        return measurement(accuracy, latency, bytes, subset ? samples : FULL, subset);
    }

    static Measurement measurement(double accuracy, double latencyMs, long bytes, int samples, boolean subset) {
        return Measurement.builder().accuracy(accuracy, Math.max(accuracy, 0.99), new double[] {accuracy})
                .latency(latencyMs, latencyMs * 1.1).sizeBytes(bytes).counts(1000, 1000, 5000).throughput(1000 / latencyMs)
                .predictions(new byte[samples]).network("synthetic")
                .how(Provenance.builder().engine("synthetic", 1, 1).images("synthetic", subset).latencyRuns(0, 1)
                        .throughputBatch(1).kernels("none", true).sizeFormat("none").session("s1", "test machine")
                        .build())
                .build();
    }
}
