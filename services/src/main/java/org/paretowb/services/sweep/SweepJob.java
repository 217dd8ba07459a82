package org.paretowb.services.sweep;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightSet;

/**
 * What a remote lane ships to its workers once per sweep: the model's weights, the evaluation data (the images
 * themselves, so that no worker needs a file), how many of them to evaluate on, and the measuring engine.
 *
 * @param runId names the sweep; a point's idempotent key starts with it (see {@link PointKey})
 * @param samples evaluate on the first {@code samples} images; 0 for all
 * @param engine the measuring engine's command-line name ({@code onnxruntime})
 */
public record SweepJob(String runId, WeightSet model, LabeledImages evaluation, int samples, String engine) {
    public SweepJob {
        if (runId == null || runId.isBlank() || model == null || evaluation == null || engine == null) {
            throw new IllegalArgumentException("a sweep job needs a run id, a model, evaluation data and an engine");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be 0 (all) or more, not " + samples);
        }
    }
}
