package org.paretowb.services.evaluate;

import java.util.function.Supplier;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** Measures on DJL's PyTorch engine: fp32 kernels, quantization simulated by quantize-dequantize. */
public final class PyTorchMeasuringEngine implements MeasuringEngine {
    private final PyTorchRuntime runtime;
    private final int threads;

    /** Evaluating with the process's default intra-op thread count (the machine's cores). */
    public PyTorchMeasuringEngine(PyTorchRuntime runtime) {
        this(runtime, runtime.threads());
    }

    /**
     * @param threads intra-op threads for evaluation and throughput, this engine's own: set on the lane's thread
     *                for each measurement ({@link PyTorchRuntime#withThreads}), so the count recorded is the count
     *                the measurement ran with, whatever another window's engine uses
     */
    public PyTorchMeasuringEngine(PyTorchRuntime runtime, int threads) {
        this.runtime = runtime;
        this.threads = threads;
    }

    @Override
    public Loadable prepare(WeightSet weights, Recipe recipe, CancelToken cancel) {
        QuantizationSettings q = recipe.quantization();
        String kernels = switch (q.mode()) {
            case OFF -> "fp32 dense kernels";
            case WEIGHT -> "simulated int" + q.bits() + " weights (quantize-dequantize, fp32 kernels)";
            default -> "simulated int" + q.bits() + " weights and uint8 activations (quantize-dequantize, fp32 kernels)";
        };
        return new Loadable() {
            @Override
            public InferenceNetwork load(int threads) {
                return LoadedNetwork.load(weights, runtime);
            }

            @Override
            public String kernels() {
                return kernels;
            }

            @Override
            public boolean realKernels() {
                return q.mode() == QuantizationSettings.Mode.OFF;
            }
        };
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public <T> T withThreads(int threads, Supplier<T> work) {
        return runtime.withThreads(threads, work);
    }
}
