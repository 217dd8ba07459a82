package org.paretowb.services.runtime;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.paretowb.models.network.NetworkSpec;

/**
 * ONNX Runtime through DJL's OnnxRuntime engine (natives inside its jar: offline), the engine that measures
 * deployment latency and runs real int8 kernels. DJL's engine starts first and creates ONNX Runtime's
 * environment (the other way round, DJL's engine fails to start); sessions are then made on that environment
 * with ONNX Runtime's own Java API and run without DJL's NDArray layer, which adds a few microseconds per
 * call (measured with DJL 0.36: 5 to 7 µs over the raw API on a batch-1 run of 36 µs), the same order as
 * a small network's whole batch-1 time, where users deploy on the raw runtime. Every session is made with the options that matter set
 * explicitly and recorded with each measurement: graph optimisation ALL (BASIC or EXTENDED made a full
 * evaluation 3 to 4 times slower here), a given number of intra-op threads, sequential execution, and
 * ONNX Runtime's {@value #DISABLED_OPTIMIZERS} disabled: otherwise it moves a QuantizeLinear above an fp32
 * max-pool, which then runs as a slow uint8 max-pool in NCHW.
 */
public final class OrtRuntime {
    public static final String ENGINE_NAME = "OnnxRuntime";
    public static final String DISABLED_OPTIMIZERS = "QDQPropagationTransformer";

    private final Engine engine;
    private final ComputeDevice device;

    /**
     * Starts DJL's engine (before anything touches ONNX Runtime's environment, or the engine cannot start), on the
     * device the {@link ComputeDevice} setting asks for where it can be used, else the CPU (said once on stderr).
     */
    public OrtRuntime() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        this.engine = Engine.getEngine(ENGINE_NAME);
        this.device = OrtDevices.open(ComputeDevice.requestedGpu());
        if (device.fallback() != null) {
            OrtDevices.tellOnce(device);
        }
    }

    /** The device this runtime's sessions run on. */
    public ComputeDevice device() {
        return device;
    }

    public String description() {
        return "ONNX Runtime " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }

    /** The session options recorded with a measurement. */
    public static String settings(int threads) {
        return "optimisation ALL, " + threads + " intra-op thread" + (threads == 1 ? "" : "s")
                + ", sequential, " + DISABLED_OPTIMIZERS + " disabled";
    }

    public OnnxNetwork load(byte[] onnx, NetworkSpec spec, int threads) {
        return load(onnx, spec, threads, null);
    }

    /**
     * Loads an ONNX model into a new session. With {@code profilePrefix}, ONNX Runtime profiles every node
     * and writes a JSON trace starting with that prefix when the network is closed.
     */
    public OnnxNetwork load(byte[] onnx, NetworkSpec spec, int threads, String profilePrefix) {
        return load(onnx, spec, threads, 0, profilePrefix);
    }

    /**
     * As {@link #load(byte[], NetworkSpec, int)}, in ONNX Runtime's parallel execution mode with
     * {@code interOpThreads} inter-op threads: independent branches of the graph (the members of an ensemble) may
     * run at once, each branch's operators on {@code threads} intra-op threads.
     */
    public OnnxNetwork loadParallel(byte[] onnx, NetworkSpec spec, int threads, int interOpThreads) {
        if (interOpThreads < 1) {
            throw new IllegalArgumentException("parallel execution needs 1 or more inter-op threads");
        }
        return load(onnx, spec, threads, interOpThreads, null);
    }

    /** The session options recorded with a measurement in the parallel execution mode. */
    public static String parallelSettings(int threads, int interOpThreads) {
        return "optimisation ALL, " + threads + " intra-op thread" + (threads == 1 ? "" : "s") + ", parallel with "
                + interOpThreads + " inter-op thread" + (interOpThreads == 1 ? "" : "s") + ", " + DISABLED_OPTIMIZERS
                + " disabled";
    }

    private OnnxNetwork load(byte[] onnx, NetworkSpec spec, int threads, int interOpThreads, String profilePrefix) {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(Math.max(1, interOpThreads));
            options.setExecutionMode(interOpThreads > 0 ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                    : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("optimization.disable_specified_optimizers", DISABLED_OPTIMIZERS);
            if (device.gpu()) {
                options.addCUDA(device.index());
            }
            if (profilePrefix != null) {
                options.enableProfiling(profilePrefix);
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx, options);
            return new OnnxNetwork(environment, session, options, spec, description() + ", "
                    + (interOpThreads > 0 ? parallelSettings(threads, interOpThreads) : settings(threads))
                    + ", " + device.describe());
        } catch (OrtException e) {
            options.close();
            throw new IllegalStateException("ONNX Runtime refused the network: " + e.getMessage(), e);
        }
    }
}
