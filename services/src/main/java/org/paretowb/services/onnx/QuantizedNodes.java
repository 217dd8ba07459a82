package org.paretowb.services.onnx;

import org.paretowb.models.network.Tensor;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

/**
 * The quantized pieces of an exported graph, written as ONNX Runtime's own quantizers write them so that it fuses
 * them into integer kernels. Static int8 (QDQ): a QuantizeLinear/DequantizeLinear pair on each activation (uint8,
 * with the range calibrated on that tensor), per-channel symmetric int8 weights and an int32 bias behind
 * DequantizeLinear; ONNX Runtime fuses DequantizeLinear, Conv (or Gemm) and the QuantizeLinear after it into
 * QLinearConv (QGemm), and a ReLU or ReLU6 before a QuantizeLinear into the quantization. Dynamic int8 dense
 * layers: DynamicQuantizeLinear, MatMulInteger with int8 weights, and the float rescale.
 */
final class QuantizedNodes {
    private final GraphWriter w;

    QuantizedNodes(GraphWriter w) {
        this.w = w;
    }

    /** Dequantized int8 weights and dequantized int32 bias of a static int8 layer whose input has {@code range}. */
    String[] weightsAndBias(String name, long[] shape, float[] weights, float[] bias, float[] range) {
        float inputScale = scale(range);
        Int8Weights q = Int8Weights.perChannel(weights, (int) shape[0]);
        String wq = w.int8s(name + "_wq", shape, q.codes());
        String ws = w.floats(name + "_ws", new long[] {q.scales().length}, q.scales());
        String wz = w.int8s(name + "_wz", new long[] {q.scales().length}, new byte[q.scales().length]);
        String wd = w.node("DequantizeLinear", name + "_w", new AttributeProto[] {GraphWriter.integer("axis", 0)},
                wq, ws, wz);
        int[] biasCodes = new int[bias.length];
        float[] biasScales = new float[bias.length];
        for (int c = 0; c < bias.length; c++) {
            biasScales[c] = inputScale * q.scales()[c];
            biasCodes[c] = biasScales[c] > 0 ? (int) Math.round(bias[c] / (double) biasScales[c]) : 0;
        }
        String bq = w.int32s(name + "_bq", new long[] {bias.length}, biasCodes);
        String bs = w.floats(name + "_bs", new long[] {bias.length}, biasScales);
        String bz = w.int32s(name + "_bz", new long[] {bias.length}, new int[bias.length]);
        String bd = w.node("DequantizeLinear", name + "_b", new AttributeProto[] {GraphWriter.integer("axis", 0)},
                bq, bs, bz);
        return new String[] {wd, bd};
    }

    /** A QuantizeLinear/DequantizeLinear pair on uint8 with the calibrated range, its nodes named after {@code hint}. */
    String quantizeDequantize(String input, float[] range, String hint) {
        float scale = scale(range);
        byte zero = (byte) Math.round(-range[0] / scale);
        String s = w.floats(hint + "_scale", new long[0], new float[] {scale});
        String z = w.uint8s(hint + "_zero", new long[0], new byte[] {zero});
        String q = w.node("QuantizeLinear", hint + "_q", input, s, z);
        return w.node("DequantizeLinear", hint + "_dq", q, s, z);
    }

    /** ONNX Runtime's dynamic int8 dense layer: x quantized per batch, int8 weights, float rescale. */
    String dynamicDense(String name, String input, Tensor weight, float[] bias) {
        int out = (int) weight.shape()[0];
        int in = (int) weight.shape()[1];
        float[] transposed = new float[in * out];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < in; k++) {
                transposed[k * out + o] = weight.values()[o * in + k];
            }
        }
        Int8Weights q = Int8Weights.perTensor(transposed);
        String[] xq = w.nodeWithOutputs("DynamicQuantizeLinear", name + "_x", 3, input);
        String wq = w.int8s(name + "_wq", new long[] {in, out}, q.codes());
        String product = w.node("MatMulInteger", name + "_int", xq[0], wq, xq[2]);
        String asFloat = w.node("Cast", name + "_float", new AttributeProto[] {
            GraphWriter.integer("to", TensorProto.DataType.FLOAT.getNumber())}, product);
        String scale = w.node("Mul", name + "_scale", xq[1], w.floats(name + "_ws", new long[0], q.scales()));
        String scaled = w.node("Mul", name + "_rescaled", asFloat, scale);
        return w.node("Add", name, scaled, w.floats(name + "_b", new long[] {bias.length}, bias));
    }

    static float scale(float[] range) {
        float s = (range[1] - range[0]) / 255f;
        return s > 0 ? s : 1f;
    }
}
