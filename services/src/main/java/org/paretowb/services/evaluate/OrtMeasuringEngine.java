package org.paretowb.services.evaluate;

import org.paretowb.models.network.FakeQuant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.OrtRuntime;

/**
 * Measures on ONNX Runtime: the weights are exported to ONNX and run on its kernels. Static quantization
 * runs the chosen layers on real int8 kernels (all calibrated layers, a list, or where the per-layer
 * profile says int8 pays, profiled once per architecture); dynamic quantization runs its dense layers on
 * ONNX Runtime's dynamic int8 kernels. Weight-only quantization runs fp32 kernels on the quantized values.
 */
public final class OrtMeasuringEngine implements MeasuringEngine {
    private final OrtRuntime runtime;
    private final Int8Planner planner;
    private final LabeledImages profileImages;
    private final int threads;
    private final Int8Planner.Target target;
    private final OnnxExporter exporter = new OnnxExporter();
    private final Map<String, Int8Planner.Plan> plans = new ConcurrentHashMap<>();

    /** @param profileImages images (1,000 or more) the int8 planner times on when a recipe asks for int8 where it pays */
    public OrtMeasuringEngine(OrtRuntime runtime, LabeledImages profileImages) {
        this(runtime, profileImages, Runtime.getRuntime().availableProcessors(), Int8Planner.Target.BALANCED);
    }

    /**
     * @param threads intra-op threads of the evaluation and throughput sessions (one worker of several may take fewer
     *                than the machine's cores)
     * @param target  the scenario "int8 where it pays" chooses its layers for
     */
    public OrtMeasuringEngine(OrtRuntime runtime, LabeledImages profileImages, int threads, Int8Planner.Target target) {
        if (threads < 1) {
            throw new IllegalArgumentException("an engine needs 1 or more threads, got " + threads);
        }
        this.runtime = runtime;
        this.profileImages = profileImages;
        this.threads = threads;
        this.target = target;
        this.planner = new Int8Planner(runtime, new LayerProfiler(runtime, 60, Math.min(250, profileImages.size())));
    }

    @Override
    public Loadable prepare(WeightSet weights, Recipe recipe, CancelToken cancel) {
        Set<String> int8 = int8Layers(weights, recipe.quantization(), cancel);
        byte[] onnx = exporter.export(weights, int8);
        String kernels = kernels(weights.spec(), recipe.quantization(), int8)
                + (recipe.quantization().mode() == QuantizationSettings.Mode.STATIC
                && recipe.quantization().int8Layers().kind() == Int8Layers.Kind.WHERE_IT_PAYS
                ? " (where it pays, chosen for " + target.describe() + ")" : "");
        QuantizationSettings.Mode mode = recipe.quantization().mode();
        boolean simulated = mode == QuantizationSettings.Mode.WEIGHT
                || (mode == QuantizationSettings.Mode.STATIC && int8.isEmpty());
        return new Loadable() {
            @Override
            public InferenceNetwork load(int sessionThreads) {
                return runtime.load(onnx, weights.spec(), sessionThreads);
            }

            @Override
            public String kernels() {
                return kernels;
            }

            @Override
            public boolean realKernels() {
                return !simulated;
            }

            @Override
            public java.util.List<String> int8Layers() {
                return java.util.List.copyOf(new TreeSet<>(int8));
            }
        };
    }

    /** The layers that run on int8 kernels for these settings. */
    public Set<String> int8Layers(WeightSet weights, QuantizationSettings settings, CancelToken cancel) {
        if (settings.mode() != QuantizationSettings.Mode.STATIC) {
            return Set.of();
        }
        Set<String> calibrated = LayerProfiler.calibratedLayers(weights);
        Int8Layers choice = settings.int8Layers();
        return switch (choice.kind()) {
            case ALL -> calibrated;
            case LISTED -> {
                for (String name : choice.names()) {
                    if (!calibrated.contains(name)) {
                        throw new IllegalArgumentException("no calibrated layer '" + name + "' in this network; its"
                                + " layers are " + String.join(", ", LayerNames.list(weights.spec())));
                    }
                }
                yield Set.copyOf(choice.names());
            }
            case WHERE_IT_PAYS -> plan(weights, cancel).chosen();
        };
    }

    @Override
    public Optional<Int8Planner.Plan> int8Plan(WeightSet calibrated, CancelToken cancel) {
        return Optional.of(plan(calibrated, cancel));
    }

    /** Profiled and timed once per architecture (a cancelled planning leaves nothing behind). */
    private Int8Planner.Plan plan(WeightSet calibrated, CancelToken cancel) {
        String key = architectureKey(calibrated.spec());
        Int8Planner.Plan plan = plans.get(key);
        if (plan == null) {
            plan = planner.plan(calibrated, profileImages, target, cancel);
            plans.put(key, plan);
        }
        return plan;
    }

    /** The network without its calibrated ranges: int8 speed depends on the shapes, not on the ranges. */
    private static String architectureKey(NetworkSpec spec) {
        return spec.without(l -> l instanceof FakeQuant).describe();
    }

    private static String kernels(NetworkSpec spec, QuantizationSettings q, Set<String> int8) {
        return switch (q.mode()) {
            case OFF -> "fp32 kernels";
            case WEIGHT -> "fp32 kernels on int" + q.bits() + " weight values (weight quantization simulated)";
            case DYNAMIC -> "real dynamic int8 kernels in dense layers (MatMulInteger)";
            case STATIC -> {
                Set<String> fp32 = new TreeSet<>(LayerNames.list(spec));
                fp32.removeAll(int8);
                yield int8.isEmpty() ? "fp32 kernels on int" + q.bits() + " weight values: int8 kernels pay in no layer"
                        : "real int8 kernels in " + String.join(", ", new TreeSet<>(int8))
                        + (fp32.isEmpty() ? "" : "; fp32 in " + String.join(", ", fp32));
            }
        };
    }

    /** The scenario "int8 where it pays" chooses for. */
    public Int8Planner.Target target() {
        return target;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public <T> T withThreads(int sessionThreads, Supplier<T> work) {
        return work.get(); // ONNX Runtime sets threads per session, when loading
    }
}
