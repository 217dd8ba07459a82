package org.paretowb.services.runtime;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

/**
 * A weight set loaded into a DJL model on the PyTorch engine. Owns the model's native memory: close it.
 * Every forward pass allocates in a sub-manager that is closed before the call returns.
 */
public final class LoadedNetwork implements InferenceNetwork {
    private final NetworkSpec spec;
    private final Model model;
    private final Block block;
    private final String engine;

    private LoadedNetwork(NetworkSpec spec, Model model, String engine) {
        this.spec = spec;
        this.model = model;
        this.block = model.getBlock();
        this.engine = engine;
    }

    /** Builds the architecture's block and copies the weights into it. */
    public static LoadedNetwork load(WeightSet weights, PyTorchRuntime runtime) {
        NetworkSpec spec = weights.spec();
        Model model = Model.newInstance("network", runtime.engine().getEngineName());
        try {
            Block block = spec.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape(spec, 1));
            copyInto(block, weights);
            return new LoadedNetwork(spec, model, runtime.description());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Copies the weights into a block initialised for their network description. */
    public static void copyInto(Block block, WeightSet weights) {
        ParameterList params = block.getParameters();
        if (params.size() != weights.tensors().size()) {
            throw new IllegalArgumentException("the network " + weights.spec().describe() + " has " + params.size()
                    + " parameter arrays, the weights have " + weights.tensors().size());
        }
        for (int i = 0; i < params.size(); i++) {
            NDArray target = params.valueAt(i).getArray();
            Tensor source = weights.tensors().get(i);
            if (!Arrays.equals(target.getShape().getShape(), source.shape())) {
                throw new IllegalArgumentException("weight " + source + " does not fit " + params.keyAt(i)
                        + target.getShape());
            }
            target.set(FloatBuffer.wrap(source.values()));
        }
    }

    /** The weights as they are now in the engine, named as DJL names them. */
    public static WeightSet weightsOf(NetworkSpec spec, Block block) {
        List<Tensor> tensors = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            tensors.add(new Tensor(p.getKey(), array.getShape().getShape(), array.toFloatArray()));
        }
        return new WeightSet(spec, tensors);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Shape of a batch of {@code batch} inputs. */
    public Shape inputShape(int batch) {
        return inputShape(spec, batch);
    }

    public static Shape inputShape(NetworkSpec spec, int batch) {
        return new Shape(batch, spec.channels(), spec.height(), spec.width());
    }

    /** The DJL block holding the weights (for reading them back). */
    public Block block() {
        return block;
    }

    /** The manager that owns this network's parameters; open sub-managers of it for inputs. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** Logits for a batch already on this network's manager (or a sub-manager of it). */
    public NDArray forward(NDArray images) {
        return block.forward(new ParameterStore(images.getManager(), false), new NDList(images), false)
                .singletonOrThrow();
    }

    @Override
    public float[] logits(float[] pixels, int count) {
        try (NDManager scope = manager().newSubManager()) {
            NDArray input = scope.create(pixels, inputShape(count));
            return forward(input).toFloatArray();
        }
    }

    @Override
    public PreparedBatch prepare(float[] pixels, int count) {
        return prepared(manager(), inputShape(count), pixels, this::forward);
    }

    /**
     * A batch held in a sub-manager of {@code parent}; each run computes the logits with {@code forward} in
     * a call-scoped manager and copies them back. Shared by the DJL networks ({@link TorchScriptNetwork} too).
     */
    static PreparedBatch prepared(NDManager parent, Shape shape, float[] pixels,
                                  java.util.function.UnaryOperator<NDArray> forward) {
        NDManager scope = parent.newSubManager();
        NDArray input = scope.create(pixels, shape);
        return new PreparedBatch() {
            @Override
            public void run() {
                try (NDManager call = scope.newSubManager()) {
                    NDArray logits = forward.apply(input);
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
    }
}
