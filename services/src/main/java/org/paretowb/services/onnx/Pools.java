package org.paretowb.services.onnx;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.Window;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;

/** The attributes of ONNX's MaxPool and AveragePool for a pooling window. */
final class Pools {
    private Pools() {
    }

    /** @param countPadding AveragePool's count_include_pad; null for a MaxPool */
    static AttributeProto[] attributes(Window window, boolean ceil, Boolean countPadding) {
        List<AttributeProto> a = new ArrayList<>();
        a.add(GraphWriter.ints("kernel_shape", window.kernelH(), window.kernelW()));
        a.add(GraphWriter.ints("strides", window.strideH(), window.strideW()));
        a.add(GraphWriter.ints("pads", window.padH(), window.padW(), window.padH(), window.padW()));
        if (ceil) {
            a.add(GraphWriter.integer("ceil_mode", 1));
        }
        if (Boolean.TRUE.equals(countPadding)) {
            a.add(GraphWriter.integer("count_include_pad", 1));
        }
        return a.toArray(AttributeProto[]::new);
    }
}
