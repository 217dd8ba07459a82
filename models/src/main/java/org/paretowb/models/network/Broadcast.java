package org.paretowb.models.network;

import java.util.List;
import java.util.stream.Collectors;

/** Shapes of element-wise joins: one channel count, and maps of one size or (1, 1) maps that broadcast. */
final class Broadcast {
    private Broadcast() {
    }

    static int[] shape(List<int[]> inputs, String what) {
        int[] out = inputs.get(0).clone();
        for (int[] in : inputs) {
            if (in[0] != out[0]) {
                throw new IllegalArgumentException(what + " needs inputs of one channel count, got " + describe(inputs));
            }
            for (int axis = 1; axis < 3; axis++) {
                if (in[axis] != out[axis] && in[axis] != 1 && out[axis] != 1) {
                    throw new IllegalArgumentException(what + " needs maps of one size (or 1x1), got "
                            + describe(inputs));
                }
                out[axis] = Math.max(out[axis], in[axis]);
            }
        }
        return out;
    }

    static String describe(List<int[]> shapes) {
        return shapes.stream().map(s -> s[0] + "x" + s[1] + "x" + s[2]).collect(Collectors.joining(" and "));
    }
}
