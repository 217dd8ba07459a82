package org.paretowb.services.runtime;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;

/**
 * A TorchScript model ({@code .pt}) on DJL's PyTorch engine: its parameters can be listed, read and evaluated,
 * and {@link #withWeights} makes a copy with other parameter values (pruned or quantized ones), which
 * {@link #save} writes as a TorchScript file that loads like any other. The file it was loaded from is only
 * ever read. Techniques that rewrite the architecture (structured pruning, low-rank) need the ONNX route.
 * Close it.
 */
public final class TorchScriptNetwork implements InferenceNetwork {
    /** One parameter tensor as the file names it. */
    public record Parameter(String name, long[] shape, long count) {
    }

    private final Path file;
    private final Model model;
    private final int[] input;
    private final PyTorchRuntime runtime;

    private TorchScriptNetwork(Path file, Model model, int[] input, PyTorchRuntime runtime) {
        this.file = file;
        this.model = model;
        this.input = input.clone();
        this.runtime = runtime;
    }

    /** @param input the model's input shape (channels, height, width), which a TorchScript file does not state */
    public static TorchScriptNetwork load(Path file, int[] input, PyTorchRuntime runtime) throws WeightFileException {
        return open(file, input, runtime, false);
    }

    /**
     * @param writable load outside libtorch's inference mode, so that the parameters can be overwritten: a tensor
     *                 loaded in inference mode refuses in-place updates ("Inplace update to inference tensor
     *                 outside InferenceMode is not allowed"). Its parameters are frozen (no gradients) all the same.
     */
    private static TorchScriptNetwork open(Path file, int[] input, PyTorchRuntime runtime, boolean writable)
            throws WeightFileException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".pt")) {
            throw new WeightFileException(file + ": a TorchScript file ends in .pt");
        }
        Model model = Model.newInstance(name, runtime.engine().getEngineName());
        try {
            model.load(file.toAbsolutePath().getParent(), name.substring(0, name.length() - 3),
                    writable ? Map.of("trainParam", "true") : null);
            if (writable) {
                model.getBlock().freezeParameters(true);
            }
            return new TorchScriptNetwork(file, model, input, runtime);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new WeightFileException(file + " is not a TorchScript model that libtorch can load (a pickled"
                    + " state dict is not enough: save it with torch.jit.trace or torch.jit.script): " + why, e);
        }
    }

    /** The file this network was loaded from (never written). */
    public Path file() {
        return file;
    }

    /** The input shape (channels, height, width) given at load. */
    public int[] input() {
        return input.clone();
    }

    /**
     * A copy of this model whose parameters hold {@code weights} (in the order and shapes of {@link #weights()}).
     * The file is loaded a second time, writable, and the values are copied into that load's own tensors; this
     * network and its file stay as they were. Close the copy.
     */
    public TorchScriptNetwork withWeights(List<Tensor> weights) throws WeightFileException {
        TorchScriptNetwork copy = open(file, input, runtime, true);
        try {
            copy.overwrite(weights);
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    private void overwrite(List<Tensor> weights) {
        ParameterList params = model.getBlock().getParameters();
        if (params.size() != weights.size()) {
            throw new IllegalArgumentException(file + " has " + params.size() + " parameter tensors, got "
                    + weights.size());
        }
        for (int i = 0; i < params.size(); i++) {
            NDArray target = float32(params.keyAt(i), params.valueAt(i).getArray());
            Tensor source = weights.get(i);
            if (!source.name().equals(params.keyAt(i)) || !Arrays.equals(source.shape(), target.getShape().getShape())) {
                throw new IllegalArgumentException("tensor " + source + " does not fit parameter " + params.keyAt(i)
                        + target.getShape() + " of " + file);
            }
            try (NDManager scope = model.getNDManager().newSubManager()) {
                target.set(new NDIndex("..."), scope.create(source.values(), target.getShape()));
            }
        }
    }

    /** The parameters' values as they are now in the engine, named as the file names them. */
    public List<Tensor> weights() {
        List<Tensor> out = new ArrayList<>();
        for (Pair<String, ai.djl.nn.Parameter> p : model.getBlock().getParameters()) {
            NDArray array = float32(p.getKey(), p.getValue().getArray());
            out.add(new Tensor(p.getKey(), array.getShape().getShape(), array.toFloatArray()));
        }
        return out;
    }

    private NDArray float32(String name, NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(file + ": parameter " + name + " is " + array.getDataType()
                    + "; only float32 parameters can be read and compressed");
        }
        return array;
    }

    /**
     * Writes this model as a TorchScript file (libtorch's own serialization: its code and every parameter and
     * buffer as stored, float32 dense) and returns the bytes written.
     */
    public long save(Path target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            JniUtils.writeModule((PtSymbolBlock) model.getBlock(), out, false);
        }
        return Files.size(target);
    }

    /** The parameters, in the module's order. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, ai.djl.nn.Parameter> p : model.getBlock().getParameters()) {
            Shape shape = p.getValue().getArray().getShape();
            out.add(new Parameter(p.getKey(), shape.getShape(), shape.size()));
        }
        return out;
    }

    @Override
    public float[] logits(float[] pixels, int count) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            return forward(scope.create(pixels, new Shape(count, input[0], input[1], input[2]))).toFloatArray();
        }
    }

    private NDArray forward(NDArray images) {
        NDList out = model.getBlock().forward(new ParameterStore(images.getManager(), false), new NDList(images), false);
        return out.singletonOrThrow();
    }

    @Override
    public PreparedBatch prepare(float[] pixels, int count) {
        return LoadedNetwork.prepared(model.getNDManager(), new Shape(count, input[0], input[1], input[2]), pixels,
                this::forward);
    }

    @Override
    public String engine() {
        return runtime.description() + ", TorchScript";
    }

    @Override
    public void close() {
        model.close();
    }
}
