package org.paretowb.services.evaluate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;

/**
 * The size of a network as the number of bytes of its serialized weight file (PWB1, sparse where smaller): the
 * file's writer runs over every tensor, and the bytes it writes are counted as they go (not kept: a live point
 * would otherwise grow and copy a buffer of up to a megabyte only to read its length).
 */
public final class SizeProbe {
    public static final String FORMAT = "PWB1 weight file (float32; bitmap-sparse tensors where smaller)";

    private final WeightCodec codec = new WeightCodec();

    public long sizeBytes(WeightSet weights) {
        Counter counter = new Counter();
        try {
            codec.write(weights, counter);
        } catch (IOException e) {
            throw new UncheckedIOException("counting bytes cannot fail", e);
        }
        return counter.count;
    }

    /** An output stream that keeps nothing but the number of bytes written to it. */
    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
