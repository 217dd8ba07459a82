package org.paretowb.services.export;

import java.io.ByteArrayInputStream;
import java.util.Set;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Writes a compressed network in an export format, and loads an exported file back for evaluation: on
 * ONNX Runtime (as the ONNX file, or as the ONNX the workbench makes from the reloaded weights, with the
 * same int8 layers) or on DJL's PyTorch engine.
 */
public final class ModelFiles {
    private final PyTorchRuntime pytorch;
    private final OrtRuntime ort;

    /** @param ort null when nothing is evaluated on ONNX Runtime */
    public ModelFiles(PyTorchRuntime pytorch, OrtRuntime ort) {
        this.pytorch = pytorch;
        this.ort = ort;
    }

    /** The file's bytes; {@code int8} names the layers an ONNX file runs on int8 kernels (static quantization). */
    public byte[] encode(WeightSet weights, ModelFormat format, Set<String> int8) {
        return switch (format) {
            case ONNX -> new OnnxExporter().export(weights, int8);
            case DJL -> new DjlArchive(pytorch).write(weights);
            case PWB -> new WeightCodec().encode(weights);
        };
    }

    /**
     * Loads an exported file for evaluation. An ONNX file runs as written (on ONNX Runtime; {@code spec}
     * gives its input shape); DJL and PWB files are read back into weights and run on ONNX Runtime (with
     * {@code int8} as the int8 layers) when {@code onOrt}, else on DJL's PyTorch engine.
     */
    public InferenceNetwork reload(byte[] file, ModelFormat format, String source, WeightSet exported, Set<String> int8,
                                   boolean onOrt) throws WeightFileException {
        if (format == ModelFormat.ONNX) {
            return ort.load(file, exported.spec(), 2);
        }
        WeightSet weights = format == ModelFormat.DJL ? new DjlArchive(pytorch).read(file, source)
                : new WeightCodec().read(new ByteArrayInputStream(file), source);
        return onOrt ? ort.load(new OnnxExporter().export(weights, int8), weights.spec(), 2)
                : LoadedNetwork.load(weights, pytorch);
    }
}
