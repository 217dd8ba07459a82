package org.paretowb.services.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.translate.TranslateException;
import ai.djl.nn.ParameterList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Trains a network on labelled images with DJL's training API: from scratch, or (fine-tuning) from given
 * weights, optionally holding weights that are zero at the start at zero (pruning masks stay fixed).
 */
public final class NetworkTrainer {
    private final PyTorchRuntime runtime;

    public NetworkTrainer(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public PyTorchRuntime runtime() {
        return runtime;
    }

    /** Trains a fresh network of the given description. */
    public WeightSet train(NetworkSpec spec, LabeledImages data, TrainingSettings settings, EpochListener listener,
                           CancelToken cancel) {
        return run(spec, null, false, data, settings, listener, cancel);
    }

    /** Continues training from {@code start}; with {@code holdZeros}, pruned weights stay zero. */
    public WeightSet fineTune(WeightSet start, boolean holdZeros, LabeledImages data, TrainingSettings settings,
                              EpochListener listener, CancelToken cancel) {
        return run(start.spec(), start, holdZeros, data, settings, listener, cancel);
    }

    private WeightSet run(NetworkSpec spec, WeightSet start, boolean holdZeros, LabeledImages data,
                          TrainingSettings settings, EpochListener listener, CancelToken cancel) {
        Engine.getEngine(runtime.engine().getEngineName()).setRandomSeed((int) settings.seed());
        try (Model model = Model.newInstance("training", runtime.engine().getEngineName())) {
            model.setBlock(spec.newBlock());
            int stepsPerEpoch = (data.size() + settings.batchSize() - 1) / settings.batchSize();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(CosineTracker.builder()
                            .setBaseValue(settings.learningRate())
                            .optFinalValue(settings.learningRate() / 100)
                            .setMaxUpdates(settings.epochs() * stepsPerEpoch).build()).build());
            try (Trainer trainer = model.newTrainer(config);
                 NDManager manager = model.getNDManager().newSubManager()) {
                trainer.initialize(LoadedNetwork.inputShape(spec, 1));
                if (start != null) {
                    LoadedNetwork.copyInto(model.getBlock(), start);
                }
                List<NDArray[]> masks = holdZeros && start != null ? masks(model, start, manager) : List.of();
                ArrayDataset dataset = toDataset(manager, spec, data, settings.batchSize());
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    long epochStart = System.currentTimeMillis();
                    EpochTotals totals = new EpochTotals();
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch) {
                            cancel.check();
                            trainBatch(trainer, batch, totals);
                            trainer.step();
                            masks.forEach(pair -> pair[0].muli(pair[1]));
                        }
                    }
                    listener.epochDone(epoch, settings.epochs(), totals.loss / totals.seen,
                            (double) totals.correct / totals.seen, System.currentTimeMillis() - epochStart);
                }
                return LoadedNetwork.weightsOf(spec, model.getBlock());
            }
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        }
    }

    /** For each prunable parameter: the array and a 0/1 mask of its non-zero starting values. */
    private static List<NDArray[]> masks(Model model, WeightSet start, NDManager manager) {
        List<NDArray[]> masks = new ArrayList<>();
        ParameterList params = model.getBlock().getParameters();
        for (int i = 0; i < params.size(); i++) {
            Tensor t = start.tensors().get(i);
            if (t.prunable() && t.nonZeros() < t.size()) {
                float[] mask = new float[t.size()];
                for (int j = 0; j < mask.length; j++) {
                    mask[j] = t.values()[j] != 0f ? 1f : 0f;
                }
                NDArray array = params.valueAt(i).getArray();
                masks.add(new NDArray[] {array, manager.create(mask, array.getShape())});
            }
        }
        return masks;
    }

    private static final class EpochTotals {
        double loss;
        long correct;
        long seen;
    }

    private static void trainBatch(Trainer trainer, Batch batch, EpochTotals totals) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray labels = batch.getLabels().singletonOrThrow();
            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
            collector.backward(loss);
            long size = labels.size();
            totals.loss += loss.getFloat() * size;
            totals.correct += predictions.singletonOrThrow().argMax(1).toType(DataType.FLOAT32, false)
                    .eq(labels).countNonzero().getLong();
            totals.seen += size;
        }
    }

    private static ArrayDataset toDataset(NDManager manager, NetworkSpec spec, LabeledImages data, int batchSize) {
        NDArray images = manager.create(data.scaledPixels(0, data.size()), LoadedNetwork.inputShape(spec, data.size()));
        float[] labels = new float[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        NDArray labelArray = manager.create(labels, new Shape(data.size()));
        return new ArrayDataset.Builder().setData(images).optLabels(labelArray)
                .setSampling(batchSize, true).build();
    }
}
