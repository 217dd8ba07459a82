package org.paretowb.services.runtime;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.WeightFileException;

/**
 * A TorchScript model ({@code .pt}) on DJL's PyTorch engine: its parameters can be listed and it can be
 * evaluated (the file is never written). Changing its parameters in place is refused by libtorch for
 * tensors loaded in inference mode, so pruning and quantizing a TorchScript copy is not done yet; techniques
 * that rewrite the architecture need the ONNX route. Close it.
 */
public final class TorchScriptNetwork implements InferenceNetwork {
    /** One parameter tensor as the file names it. */
    public record Parameter(String name, long[] shape, long count) {
    }

    private final Model model;
    private final int[] input;
    private final String engine;

    private TorchScriptNetwork(Model model, int[] input, String engine) {
        this.model = model;
        this.input = input;
        this.engine = engine;
    }

    /** @param input the model's input shape (channels, height, width), which a TorchScript file does not state */
    public static TorchScriptNetwork load(Path file, int[] input, PyTorchRuntime runtime) throws WeightFileException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".pt")) {
            throw new WeightFileException(file + ": a TorchScript file ends in .pt");
        }
        Model model = Model.newInstance(name, runtime.engine().getEngineName());
        try {
            model.load(file.toAbsolutePath().getParent(), name.substring(0, name.length() - 3));
            return new TorchScriptNetwork(model, input, runtime.description() + ", TorchScript");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new WeightFileException(file + " is not a TorchScript model that libtorch can load (a pickled"
                    + " state dict is not enough: save it with torch.jit.trace or torch.jit.script): " + why, e);
        }
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
        return engine;
    }

    @Override
    public void close() {
        model.close();
    }
}
