package org.paretowb.models.network;

import java.io.ByteArrayOutputStream;

/** Packs unsigned codes of a fixed bit width into bytes, lowest bits first, and reads them back. */
final class BitPacker {
    private final int bits;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int buffer;
    private int filled;

    BitPacker(int bits) {
        this.bits = bits;
    }

    void add(int code) {
        buffer |= code << filled;
        filled += bits;
        while (filled >= 8) {
            out.write(buffer & 0xff);
            buffer >>>= 8;
            filled -= 8;
        }
    }

    byte[] bytes() {
        if (filled > 0) {
            out.write(buffer & 0xff);
            buffer = 0;
            filled = 0;
        }
        return out.toByteArray();
    }

    static final class Reader {
        private final byte[] bytes;
        private final int bits;
        private int bitPosition;

        Reader(byte[] bytes, int bits) {
            this.bytes = bytes;
            this.bits = bits;
        }

        int next() {
            int code = 0;
            for (int b = 0; b < bits; b++, bitPosition++) {
                int bit = (bytes[bitPosition >> 3] >> (bitPosition & 7)) & 1;
                code |= bit << b;
            }
            return code;
        }
    }
}
