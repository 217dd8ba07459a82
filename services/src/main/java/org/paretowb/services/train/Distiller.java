package org.paretowb.services.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Students;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Trains a student network on a teacher's soft targets (see {@link DistillationLoss}). The teacher is the
 * workbench's own weights or any network loaded in an engine (a TorchScript file, an ONNX model); only its
 * logits are used, computed once for every training image.
 */
public final class Distiller {
    private static final int TEACHER_BATCH = 500;

    private final PyTorchRuntime runtime;

    public Distiller(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    /** Distils the workbench's own network into the student {@code settings} names, on the same input. */
    public WeightSet distil(WeightSet teacher, LabeledImages data, DistillationSettings settings,
                            EpochListener listener, CancelToken cancel) {
        NetworkSpec student = Students.parse(settings.student(), teacher.spec(), teacher.spec().outputs());
        float[] logits;
        try (LoadedNetwork network = LoadedNetwork.load(teacher, runtime)) {
            logits = logits(network, student.outputs(), data, cancel);
        }
        return train(student, data, settings, logits, listener, cancel);
    }

    /**
     * Distils any loaded network into {@code student} (for example
     * {@code Students.parse(settings.student(), inputSpec, classes)}), whose outputs must match the teacher's
     * logits per image. The teacher is only read; its owner closes it.
     */
    public WeightSet distil(InferenceNetwork teacher, NetworkSpec student, LabeledImages data,
                            DistillationSettings settings, EpochListener listener, CancelToken cancel) {
        return train(student, data, settings, logits(teacher, student.outputs(), data, cancel), listener, cancel);
    }

    private WeightSet train(NetworkSpec student, LabeledImages data, DistillationSettings settings, float[] logits,
                            EpochListener listener, CancelToken cancel) {
        TrainingRun run = new TrainingRun(new DistillationLoss(settings.temperature(), settings.alpha()),
                steps -> optimizer(settings, steps), settings.epochs(), settings.batchSize(), settings.seed(), logits);
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
    private static float[] logits(InferenceNetwork teacher, int classes, LabeledImages data, CancelToken cancel) {
        float[] all = new float[data.size() * classes];
        for (int from = 0; from < data.size(); from += TEACHER_BATCH) {
            cancel.check();
            int count = Math.min(TEACHER_BATCH, data.size() - from);
            float[] batch = teacher.logits(data.scaledPixels(from, count), count);
            if (batch.length != count * classes) {
                throw new IllegalArgumentException("the teacher gives " + batch.length / count + " logits per image,"
                        + " the student " + classes);
            }
            System.arraycopy(batch, 0, all, from * classes, count * classes);
        }
        return all;
    }
}
