package org.paretowb.services.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
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
    private static final int CLASSES = 10;

    private final PyTorchRuntime runtime;

    public Distiller(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public WeightSet distil(WeightSet teacher, LabeledImages data, DistillationSettings settings,
                            EpochListener listener, CancelToken cancel) {
        NetworkSpec student = Students.parse(settings.student(), teacher.spec(), CLASSES);
        float[] teacherLogits = logits(teacher, data, cancel);
        Engine.getEngine(runtime.engine().getEngineName()).setRandomSeed((int) settings.seed());
        try (Model model = Model.newInstance("student", runtime.engine().getEngineName())) {
            model.setBlock(student.newBlock());
            int steps = settings.epochs() * ((data.size() + settings.batchSize() - 1) / settings.batchSize());
            DefaultTrainingConfig config = new DefaultTrainingConfig(
                    new DistillationLoss(settings.temperature(), settings.alpha()))
                    .optOptimizer(optimizer(settings, steps));
            try (Trainer trainer = model.newTrainer(config); NDManager manager = model.getNDManager().newSubManager()) {
                trainer.initialize(LoadedNetwork.inputShape(student, 1));
                NDArray images = manager.create(data.scaledPixels(0, data.size()),
                        LoadedNetwork.inputShape(student, data.size()));
                float[] labels = new float[data.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = data.label(i);
                }
                ArrayDataset dataset = new ArrayDataset.Builder().setData(images)
                        .optLabels(manager.create(labels, new Shape(data.size())),
                                manager.create(teacherLogits, new Shape(data.size(), CLASSES)))
                        .setSampling(settings.batchSize(), true).build();
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    long start = System.currentTimeMillis();
                    double lossSum = 0;
                    long correct = 0;
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch; GradientCollector collector = trainer.newGradientCollector()) {
                            cancel.check();
                            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
                            collector.backward(loss);
                            long size = batch.getSize();
                            lossSum += loss.getFloat() * size;
                            correct += predictions.singletonOrThrow().argMax(1).toType(DataType.FLOAT32, false)
                                    .eq(batch.getLabels().get(0)).countNonzero().getLong();
                        }
                        trainer.step();
                    }
                    listener.epochDone(epoch, settings.epochs(), lossSum / data.size(), (double) correct / data.size(),
                            System.currentTimeMillis() - start);
                }
                return LoadedNetwork.weightsOf(student, model.getBlock());
            }
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("distillation failed: " + e.getMessage(), e);
        }
    }

    private static Optimizer optimizer(DistillationSettings s, int steps) {
        CosineTracker schedule = CosineTracker.builder().setBaseValue((float) s.learningRate())
                .optFinalValue((float) s.learningRate() / 100).setMaxUpdates(steps).build();
        if (s.optimizer() == DistillationSettings.Optimizer.SGD) {
            return Optimizer.sgd().setLearningRateTracker(schedule).optMomentum(0.9f)
                    .optWeightDecays((float) s.weightDecay()).build();
        }
        return Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays((float) s.weightDecay()).build();
    }

    /** The teacher's logits for every image, computed once in batches with gradients off. */
    private float[] logits(WeightSet teacher, LabeledImages data, CancelToken cancel) {
        float[] all = new float[data.size() * CLASSES];
        try (LoadedNetwork network = LoadedNetwork.load(teacher, runtime)) {
            for (int from = 0; from < data.size(); from += 500) {
                cancel.check();
                int count = Math.min(500, data.size() - from);
                System.arraycopy(network.logits(data.scaledPixels(from, count), count), 0, all, from * CLASSES,
                        count * CLASSES);
            }
        }
        return all;
    }
}
