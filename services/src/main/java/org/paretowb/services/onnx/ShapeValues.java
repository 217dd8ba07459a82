package org.paretowb.services.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Integer vectors that a graph computes about shapes (PyTorch writes {@code x.view(x.size(0), -1)} as Shape, Gather,
 * Unsqueeze, Concat and Reshape), evaluated at import so that such a Reshape can be checked. The batch size is not
 * known: it is {@link #BATCH}.
 */
final class ShapeValues {
    static final long BATCH = Long.MIN_VALUE;

    private final Map<String, long[]> values = new HashMap<>();

    long[] get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    void put(String name, long[] value) {
        values.put(name, value.clone());
    }

    /** The dimensions of a tensor of (C, H, W) maps or of features, with the batch first. */
    static long[] of(int[] shape, boolean flat) {
        return flat ? new long[] {BATCH, (long) shape[0] * shape[1] * shape[2]}
                : new long[] {BATCH, shape[0], shape[1], shape[2]};
    }

    static long[] gather(long[] data, long[] indices) {
        return LongStream.of(indices).map(i -> data[(int) (i < 0 ? i + data.length : i)]).toArray();
    }

    static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(LongStream::of).toArray();
    }

    static String show(long[] dims) {
        return Arrays.toString(LongStream.of(dims).mapToObj(d -> d == BATCH ? "N" : Long.toString(d)).toArray());
    }
}
