package org.paretowb.services.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import org.paretowb.models.network.NetworkSpec;

/**
 * A network in an ONNX Runtime session (see {@link OrtRuntime}); owns the session and its options.
 * Inputs and outputs cross as direct float buffers; nothing else is allocated per run.
 */
public final class OnnxNetwork implements InferenceNetwork {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final NetworkSpec spec;
    private final String engine;
    private final String inputName;

    OnnxNetwork(OrtEnvironment environment, OrtSession session, OrtSession.SessionOptions options, NetworkSpec spec,
                String engine) {
        this.environment = environment;
        this.session = session;
        this.options = options;
        this.spec = spec;
        this.engine = engine;
        this.inputName = session.getInputNames().iterator().next();
    }

    @Override
    public float[] logits(float[] pixels, int count) {
        try (OnnxTensor input = tensor(pixels, count)) {
            return run(input);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the network: " + e.getMessage(), e);
        }
    }

    /** A direct buffer is read in place (no copy); others are copied into native memory first. */
    @Override
    public float[] logits(FloatBuffer pixels, int count) {
        try (OnnxTensor input = tensor(pixels, count)) {
            return run(input);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the network: " + e.getMessage(), e);
        }
    }

    private OnnxTensor tensor(float[] pixels, int count) throws OrtException {
        return tensor(FloatBuffer.wrap(pixels), count);
    }

    private OnnxTensor tensor(FloatBuffer pixels, int count) throws OrtException {
        long[] shape = {count, spec.channels(), spec.height(), spec.width()};
        return OnnxTensor.createTensor(environment, pixels, shape);
    }

    private float[] run(OnnxTensor input) throws OrtException {
        try (OrtSession.Result result = session.run(Map.of(inputName, input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] logits = new float[out.remaining()];
            out.get(logits);
            return logits;
        }
    }

    @Override
    public PreparedBatch prepare(float[] pixels, int count) {
        try {
            OnnxTensor input = tensor(pixels, count);
            return new PreparedBatch() {
                @Override
                public void run() {
                    try {
                        OnnxNetwork.this.run(input);
                    } catch (OrtException e) {
                        throw new IllegalStateException("ONNX Runtime failed to run the network: " + e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    input.close();
                }
            };
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not take the input: " + e.getMessage(), e);
        }
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not close a session: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }
}
