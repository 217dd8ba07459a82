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
import java.io.IOException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** Trains an example network from scratch on labelled images with DJL's training API. */
public final class ExampleTrainer {
    private final PyTorchRuntime runtime;

    public ExampleTrainer(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public WeightSet train(Architecture architecture, LabeledImages data, TrainingSettings settings,
                           EpochListener listener, CancelToken cancel) throws IOException, TranslateException {
        Engine.getEngine(runtime.engine().getEngineName()).setRandomSeed((int) settings.seed());
        try (Model model = Model.newInstance(architecture.cliName(), runtime.engine().getEngineName())) {
            NetworkSpec spec = architecture.spec();
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
                ArrayDataset dataset = toDataset(manager, spec, data, settings.batchSize());
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    long start = System.currentTimeMillis();
                    EpochTotals totals = new EpochTotals();
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch) {
                            cancel.check();
                            trainBatch(trainer, batch, totals);
                            trainer.step();
                        }
                    }
                    listener.epochDone(epoch, settings.epochs(), totals.loss / totals.seen,
                            (double) totals.correct / totals.seen, System.currentTimeMillis() - start);
                }
                return LoadedNetwork.weightsOf(spec, model.getBlock());
            }
        }
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
