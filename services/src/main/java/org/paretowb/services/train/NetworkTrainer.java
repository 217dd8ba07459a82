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
import ai.djl.training.tracker.Tracker;
import org.paretowb.models.recipe.FineTuneSettings;
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
        return run(spec, null, false, data, crossEntropy(settings), listener, cancel);
    }

    /** Continues training from {@code start}; with {@code holdZeros}, pruned weights stay zero. */
    public WeightSet fineTune(WeightSet start, boolean holdZeros, LabeledImages data, TrainingSettings settings,
                              EpochListener listener, CancelToken cancel) {
        return run(start.spec(), start, holdZeros, data, crossEntropy(settings), listener, cancel);
    }

    /**
     * Continues training from {@code start} with the optimizer, schedule, regularisation and batch size of
     * {@code settings}; with {@code holdZeros}, pruned weights stay zero.
     */
    public WeightSet fineTune(WeightSet start, boolean holdZeros, LabeledImages data, FineTuneSettings settings,
                              long seed, EpochListener listener, CancelToken cancel) {
        TrainingRun run = new TrainingRun(Loss.softmaxCrossEntropyLoss(), steps -> optimizer(settings, steps),
                settings.epochs(), settings.batchSize(), seed, null, (float) settings.l1());
        return run(start.spec(), start, holdZeros, data, run, listener, cancel);
    }

    /** SGD with momentum or Adam, L2 as the optimizer's weight decay, the learning rate on the settings' schedule. */
    static Optimizer optimizer(FineTuneSettings s, int steps) {
        float rate = (float) s.learningRate();
        Tracker schedule = switch (s.schedule()) {
            case COSINE -> cosine(rate, steps);
            case CONSTANT -> Tracker.fixed(rate);
            case STEP -> step(rate, steps);
        };
        if (s.optimizer() == FineTuneSettings.Optimizer.SGD) {
            return Optimizer.sgd().setLearningRateTracker(schedule).optMomentum((float) s.momentum())
                    .optWeightDecays((float) s.l2()).build();
        }
        return Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays((float) s.l2()).build();
    }

    /** The rate divided by 10 after half of the steps and again after three quarters. */
    static Tracker step(float rate, int steps) {
        int half = Math.max(1, steps / 2);
        int threeQuarters = Math.max(half + 1, steps * 3 / 4);
        return Tracker.multiFactor().setBaseValue(rate).setSteps(new int[] {half, threeQuarters}).optFactor(0.1f)
                .build();
    }

    /** Cross-entropy on the labels with Adam, as the examples and fine-tuning train. */
    private static TrainingRun crossEntropy(TrainingSettings s) {
        return new TrainingRun(Loss.softmaxCrossEntropyLoss(),
                steps -> Optimizer.adam().optLearningRateTracker(cosine(s.learningRate(), steps)).build(),
                s.epochs(), s.batchSize(), s.seed(), null);
    }

    /** A learning rate decayed by cosine from {@code rate} to a hundredth of it over {@code steps}. */
    static CosineTracker cosine(float rate, int steps) {
        return CosineTracker.builder().setBaseValue(rate).optFinalValue(rate / 100).setMaxUpdates(steps).build();
    }

    /**
     * Trains {@code spec} (from {@code start}, or from scratch when it is null) for the run's epochs;
     * with {@code holdZeros}, weights that are zero in {@code start} stay zero.
     */
    /** Running figures are reported about this many times an epoch (every 23 batches of 128 on 60,000 images). */
    static final int REPORTS_PER_EPOCH = 20;

    WeightSet run(NetworkSpec spec, WeightSet start, boolean holdZeros, LabeledImages data, TrainingRun run,
                  EpochListener listener, CancelToken cancel) {
        Engine.getEngine(runtime.engine().getEngineName()).setRandomSeed((int) run.seed());
        try (Model model = Model.newInstance("training", runtime.engine().getEngineName())) {
            model.setBlock(spec.newBlock());
            int stepsPerEpoch = (data.size() + run.batchSize() - 1) / run.batchSize();
            DefaultTrainingConfig config = new DefaultTrainingConfig(run.loss())
                    .optOptimizer(run.optimizer().apply(run.epochs() * stepsPerEpoch));
            try (Trainer trainer = model.newTrainer(config);
                 NDManager manager = model.getNDManager().newSubManager()) {
                trainer.initialize(LoadedNetwork.inputShape(spec, 1));
                if (start != null) {
                    LoadedNetwork.copyInto(model.getBlock(), start);
                }
                List<NDArray[]> masks = holdZeros && start != null ? masks(model, start, manager) : List.of();
                List<NDArray> penalised = run.l1() > 0 ? weightArrays(model) : List.of();
                ArrayDataset dataset = toDataset(manager, spec, data, run);
                for (int epoch = 1; epoch <= run.epochs(); epoch++) {
                    long epochStart = System.currentTimeMillis();
                    EpochTotals totals = new EpochTotals();
                    int every = Math.max(1, stepsPerEpoch / REPORTS_PER_EPOCH);
                    int done = 0;
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch) {
                            cancel.check();
                            trainBatch(trainer, batch, totals, penalised, run.l1());
                            trainer.step();
                            masks.forEach(pair -> pair[0].muli(pair[1]));
                        }
                        if (++done % every == 0 && done < stepsPerEpoch) {
                            listener.batchesDone(epoch, run.epochs(), done, stepsPerEpoch, totals.loss / totals.seen,
                                    (double) totals.correct / totals.seen);
                        }
                    }
                    listener.epochDone(epoch, run.epochs(), totals.loss / totals.seen,
                            (double) totals.correct / totals.seen, System.currentTimeMillis() - epochStart);
                    listener.trained(epoch, run.epochs(), () -> LoadedNetwork.weightsOf(spec, model.getBlock()));
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

    /** The dense and convolution weights (rank 2 and more) the L1 term penalises; biases and norms are not. */
    private static List<NDArray> weightArrays(Model model) {
        List<NDArray> weights = new ArrayList<>();
        for (var pair : model.getBlock().getParameters()) {
            NDArray array = pair.getValue().getArray();
            if (array.getShape().dimension() >= 2) {
                weights.add(array);
            }
        }
        return weights;
    }

    /**
     * One step's forward and backward pass; with {@code l1} above 0, the loss differentiated is the data loss plus
     * l1 times the sum of the absolute weights (the running loss reported stays the data loss).
     */
    private static void trainBatch(Trainer trainer, Batch batch, EpochTotals totals, List<NDArray> penalised,
                                   float l1) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray labels = batch.getLabels().get(0);
            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
            NDArray objective = loss;
            // Arrays derived from parameters live in the model's manager, not the batch's: closed here, each step.
            List<NDArray> temporaries = new ArrayList<>();
            for (NDArray w : penalised) {
                NDArray abs = w.abs();
                NDArray sum = abs.sum();
                NDArray term = sum.mul(l1);
                objective = objective.add(term);
                temporaries.addAll(List.of(abs, sum, term, objective));
            }
            collector.backward(objective);
            temporaries.forEach(NDArray::close);
            long size = labels.size();
            totals.loss += loss.getFloat() * size;
            totals.correct += predictions.singletonOrThrow().argMax(1).toType(DataType.FLOAT32, false)
                    .eq(labels).countNonzero().getLong();
            totals.seen += size;
        }
    }

    private static ArrayDataset toDataset(NDManager manager, NetworkSpec spec, LabeledImages data, TrainingRun run) {
        int n = data.size();
        NDArray images = manager.create(data.scaledPixels(0, n), LoadedNetwork.inputShape(spec, n));
        float[] labels = new float[n];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        NDArray labelArray = manager.create(labels, new Shape(n));
        NDArray[] allLabels = run.extraLabels() == null ? new NDArray[] {labelArray}
                : new NDArray[] {labelArray, manager.create(run.extraLabels(), new Shape(n, run.extraLabels().length / n))};
        return new ArrayDataset.Builder().setData(images).optLabels(allLabels).setSampling(run.batchSize(), true).build();
    }
}
