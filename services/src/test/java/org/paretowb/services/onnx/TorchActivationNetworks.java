package org.paretowb.services.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;

/**
 * The two tiny PyTorch networks {@code services/src/bench/make_onnx_activations.py} wrote (LeakyReLU, sigmoid,
 * tanh, multiplications by constants, a final softmax), and PyTorch's own logits for the first
 * {@value #IMAGES} Fashion-MNIST test images.
 */
public final class TorchActivationNetworks {
    public static final List<String> NAMES = List.of("activations-mlp", "activations-cnn");
    public static final int IMAGES = 8;

    private TorchActivationNetworks() {
    }

    public static byte[] onnx(String name) throws IOException {
        try (InputStream in = TorchActivationNetworks.class.getResourceAsStream(name + ".onnx")) {
            if (in == null) {
                throw new IOException("no test resource " + name + ".onnx");
            }
            return in.readAllBytes();
        }
    }

    public static WeightSet imported(String name) throws IOException, WeightFileException {
        return new OnnxImporter().read(onnx(name), name + ".onnx");
    }

    /** PyTorch's logits (before the softmax), image after image. */
    public static float[] pytorchLogits(String name) throws IOException {
        try (InputStream in = TorchActivationNetworks.class.getResourceAsStream(name + ".json")) {
            JsonNode rows = new ObjectMapper().readTree(in).path("logits");
            float[] logits = new float[rows.size() * rows.get(0).size()];
            int at = 0;
            for (JsonNode row : rows) {
                for (JsonNode value : row) {
                    logits[at++] = (float) value.asDouble();
                }
            }
            return logits;
        }
    }
}
