package org.paretowb.services.onnx;

import org.paretowb.models.network.WeightFileException;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

/** What an ONNX node reads: a tensor computed from the input, or a constant; and its padding attributes. */
final class OpInputs {
    private final GraphReader g;

    OpInputs(GraphReader graph) {
        this.g = graph;
    }

    String data(NodeProto node, int index) throws WeightFileException {
        String value = node.getInput(index);
        String ref = g.ref(value);
        if (ref == null) {
            throw g.unsupported(node, "reads '" + value + "', which is "
                    + (g.constants.containsKey(value) ? "a constant" : "not computed from the input")
                    + "; the workbench needs a tensor computed from the network's input there");
        }
        return ref;
    }

    TensorProto constant(NodeProto node, int input, String what) throws WeightFileException {
        if (node.getInputCount() <= input || !g.constants.containsKey(node.getInput(input))) {
            throw g.unsupported(node, "needs constant " + what + " (an initializer)");
        }
        return g.constants.get(node.getInput(input));
    }

    boolean isConstant(String value) {
        return g.constants.containsKey(value) && g.ref(value) == null;
    }

    /** Pads as (top, left), which must equal (bottom, right). */
    long[] pads(NodeProto node) throws WeightFileException {
        long[] pads = OnnxValues.ints(node, "pads", new long[] {0, 0, 0, 0});
        if (pads.length != 4 || pads[0] != pads[2] || pads[1] != pads[3]) {
            throw g.unsupported(node, "has attribute pads = " + OnnxValues.show(pads) + ": only equal padding on both"
                    + " sides of each axis is supported (as PyTorch's padding= writes it)");
        }
        return new long[] {pads[0], pads[1]};
    }

    void requireNoAutoPad(NodeProto node) throws WeightFileException {
        String autoPad = OnnxValues.text(node, "auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID") && !autoPad.isEmpty()) {
            throw g.unsupported(node, "has attribute auto_pad = " + autoPad + ", which is not supported: export with"
                    + " explicit pads (PyTorch does).");
        }
    }
}
