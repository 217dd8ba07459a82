package org.paretowb.services.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Students;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** Trains a student network on a teacher's soft targets (see {@link DistillationLoss}). */
public final class Distiller {
    private final PyTorchRuntime runtime;

    public Distiller(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public WeightSet distil(WeightSet teacher, LabeledImages data, DistillationSettings settings,
                            EpochListener listener, CancelToken cancel) {
        NetworkSpec student = Students.parse(settings.student(), teacher.spec(), teacher.spec().outputs());
        TrainingRun run = new TrainingRun(new DistillationLoss(settings.temperature(), settings.alpha()),
                steps -> optimizer(settings, steps), settings.epochs(), settings.batchSize(), settings.seed(),
                logits(teacher, data, cancel));
        return new NetworkTrainer(runtime).run(student, null, false, data, run, listener, cancel);
    }

    private static Optimizer optimizer(DistillationSettings s, int steps) {
        CosineTracker schedule = NetworkTrainer.cosine((float) s.learningRate(), steps);
        if (s.optimizer() == DistillationSettings.Optimizer.SGD) {
            return Optimizer.sgd().setLearningRateTracker(schedule).optMomentum(0.9f)
                    .optWeightDecays((float) s.weightDecay()).build();
        }
        return Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays((float) s.weightDecay()).build();
    }

    /** The teacher's logits for every image, computed once in batches with gradients off. */
    private float[] logits(WeightSet teacher, LabeledImages data, CancelToken cancel) {
        int classes = teacher.spec().outputs();
        float[] all = new float[data.size() * classes];
        try (LoadedNetwork network = LoadedNetwork.load(teacher, runtime)) {
            for (int from = 0; from < data.size(); from += 500) {
                cancel.check();
                int count = Math.min(500, data.size() - from);
                System.arraycopy(network.logits(data.scaledPixels(from, count), count), 0, all, from * classes,
                        count * classes);
            }
        }
        return all;
    }
}
