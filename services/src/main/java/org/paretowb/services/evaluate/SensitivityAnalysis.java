package org.paretowb.services.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.SensitivityCurve;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.services.compress.MagnitudePruner;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Per-layer pruning sensitivity, as Distiller and Sparsify show it: for each dense and convolution
 * layer, the accuracy after pruning only that layer by magnitude at each sparsity.
 */
public final class SensitivityAnalysis {
    public static final double[] DEFAULT_SPARSITIES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final MeasuringEngine engine;
    private final Evaluator evaluator;
    private final MagnitudePruner pruner = new MagnitudePruner();

    public SensitivityAnalysis(PyTorchRuntime runtime, Evaluator evaluator) {
        this(new PyTorchMeasuringEngine(runtime), evaluator);
    }

    /** On any measuring engine (ONNX Runtime makes it several times faster). */
    public SensitivityAnalysis(MeasuringEngine engine, Evaluator evaluator) {
        this.engine = engine;
        this.evaluator = evaluator;
    }

    /** How many evaluations {@link #analyse} makes after the baseline, for a progress bar. */
    public static int evaluations(WeightSet weights, double[] sparsities) {
        return (int) weights.tensors().stream().filter(org.paretowb.models.network.Tensor::prunable).count()
                * sparsities.length;
    }

    /** @param progress told the number of evaluations done so far */
    public List<SensitivityCurve> analyse(WeightSet weights, LabeledImages data, double[] sparsities,
                                          IntConsumer progress, CancelToken cancel) {
        double baseline = accuracy(weights, data, cancel);
        List<SensitivityCurve> curves = new ArrayList<>();
        int done = 0;
        for (int t = 0; t < weights.tensors().size(); t++) {
            if (!weights.tensors().get(t).prunable()) {
                continue;
            }
            double[] accuracy = new double[sparsities.length];
            for (int i = 0; i < sparsities.length; i++) {
                WeightSet pruned = pruner.pruneOnly(weights, t, new PruningSettings(sparsities[i]));
                accuracy[i] = accuracy(pruned, data, cancel);
                progress.accept(++done);
            }
            curves.add(new SensitivityCurve(layerName(weights, t), weights.tensors().get(t).size(),
                    baseline, sparsities, accuracy));
        }
        return curves;
    }

    /** The user's name of the layer whose weight is tensor {@code t} (conv1, fc2, …). */
    private static String layerName(WeightSet weights, int t) {
        int[] first = weights.spec().firstTensorOfLayer();
        for (var entry : org.paretowb.models.network.LayerNames.of(weights.spec()).entrySet()) {
            if (first[entry.getKey()] == t) {
                return entry.getValue();
            }
        }
        return weights.tensors().get(t).name();
    }

    private double accuracy(WeightSet weights, LabeledImages data, CancelToken cancel) {
        try (InferenceNetwork network = engine.prepare(weights, Recipe.BASELINE, cancel).load(engine.threads())) {
            return evaluator.accuracy(network, data, cancel);
        }
    }
}
