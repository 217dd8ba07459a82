package org.paretowb.services.runtime;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.paretowb.models.network.NetworkSpec;

/**
 * ONNX Runtime through DJL's OnnxRuntime engine (natives inside its jar: offline), the engine that measures
 * deployment latency and runs real int8 kernels. Every session is made with the options that matter set
 * explicitly and recorded with each measurement: graph optimisation ALL (BASIC or EXTENDED made a full
 * evaluation 3 to 4 times slower here), a given number of intra-op threads, sequential execution, and
 * ONNX Runtime's {@value #DISABLED_OPTIMIZERS} disabled: otherwise it moves a QuantizeLinear above an fp32
 * max-pool, which then runs as a slow uint8 max-pool in NCHW.
 */
public final class OrtRuntime {
    public static final String ENGINE_NAME = "OnnxRuntime";
    public static final String DISABLED_OPTIMIZERS = "QDQPropagationTransformer";

    private final Engine engine;

    /** Starts DJL's engine (before anything touches ONNX Runtime's environment, or the engine cannot start). */
    public OrtRuntime() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        this.engine = Engine.getEngine(ENGINE_NAME);
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
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        Path file = null;
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("optimization.disable_specified_optimizers", DISABLED_OPTIMIZERS);
            if (profilePrefix != null) {
                options.enableProfiling(profilePrefix);
            }
            file = Files.createTempFile("paretowb-", ".onnx");
            Files.write(file, onnx);
            Model model = Model.newInstance("network", ENGINE_NAME);
            Map<String, Object> loadOptions = new HashMap<>();
            loadOptions.put("sessionOptions", options);
            try {
                model.load(file, "network", loadOptions);
            } catch (MalformedModelException | RuntimeException e) {
                model.close();
                options.close();
                throw new IllegalStateException("ONNX Runtime refused the exported network: " + e.getMessage(), e);
            }
            return new OnnxNetwork(model, options, spec, description(), threads);
        } catch (OrtException e) {
            options.close();
            throw new IllegalStateException("ONNX Runtime session options: " + e.getMessage(), e);
        } catch (IOException e) {
            options.close();
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp folder
                }
            }
        }
    }
}
