package org.paretowb.services.runtime;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtSession;
import org.paretowb.models.network.NetworkSpec;

/** A network in an ONNX Runtime session (see {@link OrtRuntime}); owns the session and its options. */
public final class OnnxNetwork implements InferenceNetwork {
    private final Model model;
    private final OrtSession.SessionOptions options;
    private final NetworkSpec spec;
    private final String engine;
    private final Block block;

    OnnxNetwork(Model model, OrtSession.SessionOptions options, NetworkSpec spec, String description, int threads) {
        this.model = model;
        this.options = options;
        this.spec = spec;
        this.engine = description + ", " + OrtRuntime.settings(threads);
        this.block = model.getBlock();
    }

    @Override
    public float[] logits(float[] pixels, int count) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray input = scope.create(pixels, LoadedNetwork.inputShape(spec, count));
            return forward(input).toFloatArray();
        }
    }

    private NDArray forward(NDArray input) {
        return block.forward(new ParameterStore(input.getManager(), false), new NDList(input), false)
                .singletonOrThrow();
    }

    @Override
    public PreparedBatch prepare(float[] pixels, int count) {
        NDManager scope = model.getNDManager().newSubManager();
        NDArray input = scope.create(pixels, LoadedNetwork.inputShape(spec, count));
        return new PreparedBatch() {
            @Override
            public void run() {
                try (NDManager call = scope.newSubManager()) {
                    NDArray logits = forward(input);
                    call.attachAll(logits);
                    logits.toFloatArray();
                }
            }

            @Override
            public void close() {
                scope.close();
            }
        };
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void close() {
        model.close();
        options.close();
    }
}
