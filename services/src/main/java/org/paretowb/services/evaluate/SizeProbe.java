package org.paretowb.services.evaluate;

import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;

/** The size of a network as the number of bytes of its serialized weight file (PWB1, sparse where smaller). */
public final class SizeProbe {
    public static final String FORMAT = "PWB1 weight file (float32; bitmap-sparse tensors where smaller)";

    private final WeightCodec codec = new WeightCodec();

    public long sizeBytes(WeightSet weights) {
        return codec.encode(weights).length;
    }
}
