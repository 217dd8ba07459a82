package org.paretowb.services.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * DJL's PyTorch engine, started offline: libtorch comes from the class path (Maven Central's
 * pytorch-native-cpu jar) and is extracted once to ~/.djl.ai; nothing is downloaded.
 */
public final class PyTorchRuntime {
    public static final String ENGINE_NAME = "PyTorch";

    private final Engine engine;
    private final String allocator;

    /** Starts the engine; the first start on a machine extracts libtorch (a few seconds). */
    public PyTorchRuntime() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        int cores = Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.pytorch.num_threads",
                System.getProperty("ai.djl.pytorch.num_threads", Integer.toString(cores)));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        this.allocator = MallocTuning.apply();
        this.engine = Engine.getEngine(ENGINE_NAME);
    }

    /** How native memory is allocated (see {@link MallocTuning}). */
    public String allocator() {
        return allocator;
    }

    public Engine engine() {
        return engine;
    }

    /** Engine and version, as recorded with every measurement. */
    public String description() {
        return "PyTorch " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }

    public int threads() {
        return JniUtils.getNumThreads();
    }

    /**
     * Runs {@code work} with libtorch's intra-op thread count set to {@code threads}, then restores it.
     * Batch-1 latency of a small network is steadier and no slower on one thread: measured here, two
     * threads gave p95 5.7 to 6.4 ms for the CNN where one thread gave 0.85 to 1.1 ms. The count is the calling
     * thread's: libtorch 2.7.1's CPU build sets it with OpenMP's and MKL's per-thread settings, so two windows'
     * lanes each run with their own count (PyTorchThreadCountIT holds this).
     */
    public <T> T withThreads(int threads, Supplier<T> work) {
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /**
     * Prepares the calling thread for inference. libtorch's grad mode is per thread and on by default:
     * with it on, every forward pass records an autograd graph for parameters that require gradients,
     * which costs time and memory for nothing when only measuring. Training turns it back on inside its
     * gradient collector.
     */
    public void prepareInferenceThread() {
        JniUtils.setGradMode(false);
    }
}
