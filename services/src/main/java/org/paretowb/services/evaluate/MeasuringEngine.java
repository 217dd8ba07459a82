package org.paretowb.services.evaluate;

import java.util.Optional;
import java.util.function.Supplier;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/** The engine a point is measured on: DJL's PyTorch or ONNX Runtime. */
public interface MeasuringEngine {

    /** Readies the weights a recipe produced for loading (for ONNX Runtime: exports them once). */
    Loadable prepare(WeightSet weights, Recipe recipe, CancelToken cancel);

    /**
     * The per-layer int8 profile and choice for a statically calibrated network, where the engine runs real
     * int8 kernels; empty where it does not.
     */
    default Optional<Int8Planner.Plan> int8Plan(WeightSet calibrated, CancelToken cancel) {
        return Optional.empty();
    }

    /** Intra-op threads for evaluation and throughput. */
    int threads();

    /** Runs timing work with the engine set to {@code threads} where the engine sets threads globally. */
    <T> T withThreads(int threads, Supplier<T> work);

    /** Weights ready to load, any number of times, with a given number of intra-op threads. */
    interface Loadable {
        InferenceNetwork load(int threads);

        /** Which kernels run, as recorded with the measurement. */
        String kernels();

        /** Whether those kernels are the real integer kernels (false: fp32 kernels, quantization simulated). */
        boolean realKernels();

        /** The layers that run on int8 kernels (none by default). */
        default java.util.List<String> int8Layers() {
            return java.util.List.of();
        }
    }
}
