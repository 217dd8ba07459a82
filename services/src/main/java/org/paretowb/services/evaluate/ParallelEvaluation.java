package org.paretowb.services.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * A data-parallel evaluation: the images in contiguous slices ({@link Partitions#slices}), one session per worker,
 * each evaluating its slice on a thread of its own; the top-1 counts add up to the whole set's accuracy.
 */
public final class ParallelEvaluation {
    private final int batch;

    public ParallelEvaluation(int batch) {
        this.batch = batch;
    }

    /** The accuracy over all images and the wall time of the parallel part (sessions loaded before it). */
    public record Result(double accuracy, double millis, int workers) {
    }

    /** @param load a session for one worker (each worker loads its own) */
    public Result run(IntFunction<InferenceNetwork> load, LabeledImages images, int workers, CancelToken cancel) {
        List<Partitions.Slice> slices = Partitions.slices(images.size(), workers);
        List<InferenceNetwork> sessions = new ArrayList<>();
        List<LabeledImages> parts = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                sessions.add(load.apply(w));
                parts.add(slice(images, slices.get(w)));
            }
            Evaluator evaluator = new Evaluator(batch);
            for (int w = 0; w < workers; w++) { // a new session's first batches are slower
                evaluator.accuracy(sessions.get(w), parts.get(w).first(Math.min(250, parts.get(w).size())), cancel);
            }
            List<Integer> ids = java.util.stream.IntStream.range(0, workers).boxed().toList();
            long start = System.nanoTime();
            List<Long> correct = Partitions.shared(ids, workers, (worker, w) ->
                    Math.round(evaluator.accuracy(sessions.get(w), parts.get(w), cancel) * parts.get(w).size()));
            double millis = (System.nanoTime() - start) / 1e6;
            long right = correct.stream().mapToLong(Long::longValue).sum();
            return new Result((double) right / images.size(), millis, workers);
        } finally {
            sessions.forEach(InferenceNetwork::close);
        }
    }

    private static LabeledImages slice(LabeledImages images, Partitions.Slice s) {
        int[] indices = java.util.stream.IntStream.range(s.from(), s.from() + s.count()).toArray();
        return images.select(indices, images.name() + " [" + s.from() + ", " + (s.from() + s.count()) + ")");
    }
}
