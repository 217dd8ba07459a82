package org.paretowb.services.evaluate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.compress.LowRankFactorizer;
import org.paretowb.services.compress.MagnitudePruner;
import org.paretowb.services.compress.WeightQuantizer;
import org.paretowb.services.lane.CancelToken;

/**
 * Per-layer sensitivity for every technique: for each dense and convolution layer (for channel removal, each group
 * of tied layers), the accuracy of the network with only that layer changed, at each of the technique's settings,
 * and the cost it changes. Pruning, weight bits, low-rank and channels rewrite the weights and measure them as
 * they are; int8 kernels put only that layer on real int8 kernels of the engine (ONNX Runtime), every other layer
 * running its fp32 weights on fp32 kernels, and take its kernel times from the engine's per-layer profile.
 */
public final class TechniqueSensitivity {
    /** The accuracy of a network run as {@code recipe} says (the recipe matters for int8 kernels only). */
    @FunctionalInterface
    public interface Accuracy {
        double of(WeightSet weights, Recipe recipe, CancelToken cancel);
    }

    /** Gives the statically calibrated network and each calibrated layer's batch-1 kernel times. */
    @FunctionalInterface
    public interface Int8Source {
        Calibrated calibrate(CancelToken cancel);
    }

    /**
     * A calibrated network (fake-quantize ranges in front of its layers) and, per layer that can run in int8,
     * {fp32 µs, int8 µs} at batch 1.
     */
    public record Calibrated(WeightSet network, Map<String, double[]> batch1Micros) {
    }

    /** Training images a static int8 calibration reads (the workbench's default). */
    public static final int CALIBRATION = 1000;

    private final Accuracy accuracy;
    private final Int8Source int8;
    private final MagnitudePruner pruner = new MagnitudePruner();
    private final WeightQuantizer quantizer = new WeightQuantizer();
    private final LowRankFactorizer factorizer = new LowRankFactorizer();
    private final ChannelPruner channels = new ChannelPruner();

    /**
     * On a measuring engine: accuracy by {@code evaluator} on {@code images}; int8 calibrated by {@code calibrate}
     * (static int8 on every layer) and profiled by the engine, where it has real int8 kernels.
     */
    public static TechniqueSensitivity on(MeasuringEngine engine, Evaluator evaluator,
                                          org.paretowb.models.data.LabeledImages images,
                                          java.util.function.BiFunction<Recipe, CancelToken, WeightSet> calibrate) {
        Accuracy accuracy = (weights, recipe, cancel) -> {
            try (var network = engine.prepare(weights, recipe, cancel).load(engine.threads())) {
                return evaluator.accuracy(network, images, cancel);
            }
        };
        Int8Source int8 = cancel -> {
            WeightSet calibrated = calibrate.apply(staticRecipe(), cancel);
            Int8Planner.Plan plan = engine.int8Plan(calibrated, cancel).orElseThrow(() -> new IllegalStateException(
                    "int8 kernel sensitivity runs on ONNX Runtime's real int8 kernels: choose the ONNX Runtime engine"));
            Map<String, double[]> times = new java.util.LinkedHashMap<>();
            plan.profile().layers().forEach(t -> times.put(t.layer(), new double[] {t.fp32Batch1(), t.int8Batch1()}));
            return new Calibrated(calibrated, times);
        };
        return new TechniqueSensitivity(accuracy, int8);
    }

    /** Static int8 on every layer, calibrated on {@link #CALIBRATION} training images (min-max ranges). */
    public static Recipe staticRecipe() {
        return Recipe.builder().quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true,
                CALIBRATION, QuantizationSettings.Observer.MIN_MAX, Int8Layers.ALL)).build();
    }

    /** @param int8 null where the engine has no real int8 kernels (the int8 technique is then refused) */
    public TechniqueSensitivity(Accuracy accuracy, Int8Source int8) {
        this.accuracy = accuracy;
        this.int8 = int8;
    }

    /** How many evaluations {@link #analyse} makes for the technique, after the baseline, for a progress bar. */
    public int evaluations(SensitivityTechnique technique, WeightSet weights) {
        int settings = technique.settings().length;
        return switch (technique) {
            case PRUNE, BITS, INT8 -> LayerNames.of(weights.spec()).size() * settings;
            case RANK -> factorizable(weights.spec()).size() * settings;
            case CHANNELS -> channels.groups(weights.spec()).size() * settings;
        };
    }

    /** @param progress told the number of evaluations done so far */
    public List<LayerSensitivity> analyse(SensitivityTechnique technique, WeightSet weights, IntConsumer progress,
                                          CancelToken cancel) {
        if (technique == SensitivityTechnique.INT8 && int8 == null) {
            throw new IllegalStateException("int8 kernel sensitivity runs on ONNX Runtime's real int8 kernels:"
                    + " choose the ONNX Runtime engine");
        }
        double baseline = accuracy.of(weights, Recipe.BASELINE, cancel);
        Counter done = new Counter(progress);
        return switch (technique) {
            case PRUNE -> pruning(weights, baseline, done, cancel);
            case BITS -> bits(weights, baseline, done, cancel);
            case RANK -> rank(weights, baseline, done, cancel);
            case CHANNELS -> channels(weights, baseline, done, cancel);
            case INT8 -> int8(weights, baseline, done, cancel);
        };
    }

    private static final class Counter {
        private final IntConsumer progress;
        private int done;

        Counter(IntConsumer progress) {
            this.progress = progress;
        }

        void step() {
            progress.accept(++done);
        }
    }

    private List<LayerSensitivity> pruning(WeightSet weights, double baseline, Counter done, CancelToken cancel) {
        return eachLayer(SensitivityTechnique.PRUNE, weights, baseline, done, cancel, Tensor::nonZeros,
                (t, setting) -> {
                    WeightSet pruned = pruner.pruneOnly(weights, t, new PruningSettings(setting));
                    return new Changed(pruned, pruned.tensors().get(t).nonZeros());
                });
    }

    private List<LayerSensitivity> bits(WeightSet weights, double baseline, Counter done, CancelToken cancel) {
        return eachLayer(SensitivityTechnique.BITS, weights, baseline, done, cancel, w -> w.size() * 4.0,
                (t, setting) -> {
                    Tensor w = weights.tensors().get(t);
                    int bits = (int) setting;
                    Tensor quantized = quantizer.quantize(List.of(w), new QuantizationSettings(
                            QuantizationSettings.Mode.WEIGHT, bits, true, true)).get(0);
                    List<Tensor> tensors = new ArrayList<>(weights.tensors());
                    tensors.set(t, quantized);
                    return new Changed(new WeightSet(weights.spec(), tensors), w.size() * (double) bits / 8);
                });
    }

    /** A network with one layer changed at one setting, and that layer's cost after the change. */
    private record Changed(WeightSet weights, double cost) {
    }

    /** Changes one layer's weight tensor at a time to each of the technique's settings. */
    private interface LayerChange {
        Changed apply(int tensor, double setting);
    }

    private List<LayerSensitivity> eachLayer(SensitivityTechnique technique, WeightSet weights, double baseline,
                                             Counter done, CancelToken cancel,
                                             java.util.function.ToDoubleFunction<Tensor> unchangedCost,
                                             LayerChange change) {
        double[] settings = technique.settings();
        List<LayerSensitivity> rows = new ArrayList<>();
        int[] first = weights.spec().firstTensorOfLayer();
        for (var layer : LayerNames.of(weights.spec()).entrySet()) {
            int t = first[layer.getKey()];
            Tensor w = weights.tensors().get(t);
            double[] acc = new double[settings.length];
            double[] cost = new double[settings.length];
            for (int i = 0; i < settings.length; i++) {
                Changed changed = change.apply(t, settings[i]);
                acc[i] = accuracy.of(changed.weights(), Recipe.BASELINE, cancel);
                cost[i] = changed.cost();
                done.step();
            }
            rows.add(new LayerSensitivity(technique, layer.getValue(), w.size(), baseline,
                    unchangedCost.applyAsDouble(w), settings, acc, cost));
        }
        return rows;
    }

    /** The hidden dense and convolution layers low-rank can factorize: ungrouped, not the output layer. */
    private static List<String> factorizable(NetworkSpec spec) {
        List<String> names = new ArrayList<>();
        var layers = LayerNames.of(spec);
        int last = layers.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        layers.forEach((index, name) -> {
            boolean grouped = spec.node(index).layer() instanceof org.paretowb.models.network.Conv c && c.groups() != 1;
            if (index != last && !grouped) {
                names.add(name);
            }
        });
        return names;
    }

    private List<LayerSensitivity> rank(WeightSet weights, double baseline, Counter done, CancelToken cancel) {
        SensitivityTechnique technique = SensitivityTechnique.RANK;
        double[] settings = technique.settings();
        List<LayerSensitivity> rows = new ArrayList<>();
        int[] first = weights.spec().firstTensorOfLayer();
        for (String layer : factorizable(weights.spec())) {
            int index = weights.spec().indexOf(layer);
            long size = weights.tensors().get(first[index]).size();
            long params = size + weights.tensors().get(first[index] + 1).size();
            double[] acc = new double[settings.length];
            double[] cost = new double[settings.length];
            for (int i = 0; i < settings.length; i++) {
                WeightSet factorized = factorizer.factorizeOnly(weights, layer, settings[i]);
                acc[i] = factorized == weights || factorized.spec().equals(weights.spec()) ? baseline
                        : accuracy.of(factorized, Recipe.BASELINE, cancel);
                cost[i] = params + factorized.parameters() - weights.parameters();
                done.step();
            }
            rows.add(new LayerSensitivity(technique, layer, size, baseline, params, settings, acc, cost));
        }
        return rows;
    }

    private List<LayerSensitivity> channels(WeightSet weights, double baseline, Counter done, CancelToken cancel) {
        SensitivityTechnique technique = SensitivityTechnique.CHANNELS;
        double[] settings = technique.settings();
        List<LayerSensitivity> rows = new ArrayList<>();
        NetworkSpec spec = weights.spec();
        int[] first = spec.firstTensorOfLayer();
        for (ChannelPruner.Group group : channels.groups(spec)) {
            Set<Integer> nodes = new HashSet<>();
            long size = 0;
            for (String name : group.layers()) {
                int index = spec.indexOf(name);
                nodes.add(index);
                size += weights.tensors().get(first[index]).size();
            }
            double[] acc = new double[settings.length];
            double[] cost = new double[settings.length];
            for (int i = 0; i < settings.length; i++) {
                ChannelPruner.Plan all = channels.plan(weights, new StructuredPruningSettings(settings[i],
                        StructuredPruningSettings.Norm.L1, StructuredPruningSettings.Scope.PER_LAYER));
                Map<Integer, int[]> kept = new java.util.HashMap<>(all.kept());
                kept.keySet().retainAll(nodes);
                WeightSet pruned = channels.rebuild(weights, new ChannelPruner.Plan(kept));
                acc[i] = accuracy.of(pruned, Recipe.BASELINE, cancel);
                cost[i] = pruned.spec().macs();
                done.step();
            }
            rows.add(new LayerSensitivity(technique, String.join("+", group.layers()), size, baseline, spec.macs(),
                    settings, acc, cost));
        }
        return rows;
    }

    private List<LayerSensitivity> int8(WeightSet weights, double baseline, Counter done, CancelToken cancel) {
        Calibrated calibrated = int8.calibrate(cancel);
        WeightSet network = withOriginalTensors(calibrated.network(), weights);
        List<LayerSensitivity> rows = new ArrayList<>();
        int[] first = weights.spec().firstTensorOfLayer();
        for (var layer : LayerNames.of(weights.spec()).entrySet()) {
            double[] micros = calibrated.batch1Micros().get(layer.getValue());
            if (micros == null) {
                done.step();
                continue;
            }
            Recipe recipe = Recipe.builder().quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8,
                    true, true, CALIBRATION, QuantizationSettings.Observer.MIN_MAX,
                    new Int8Layers(Int8Layers.Kind.LISTED, List.of(layer.getValue())))).build();
            double acc = accuracy.of(network, recipe, cancel);
            done.step();
            rows.add(new LayerSensitivity(SensitivityTechnique.INT8, layer.getValue(),
                    weights.tensors().get(first[layer.getKey()]).size(), baseline, micros[0], new double[] {1},
                    new double[] {acc}, new double[] {micros[1]}));
        }
        return rows;
    }

    /**
     * The calibrated network with the original fp32 values in every parameter tensor (calibration adds only
     * fake-quantize nodes, which have none): the int8 export quantizes the one int8 layer's weights itself, and
     * the other layers run exactly the original weights.
     */
    private static WeightSet withOriginalTensors(WeightSet calibrated, WeightSet original) {
        if (calibrated.tensors().size() != original.tensors().size()) {
            return calibrated;
        }
        return new WeightSet(calibrated.spec(), original.tensors());
    }
}
