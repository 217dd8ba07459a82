package org.paretowb.models.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The packed form of a quantized tensor in a weight file: bits, groups, a float scale and a one-byte
 * zero point per group, then the codes packed {@code bits} at a time (two 4-bit codes a byte), either
 * all of them or, where smaller, a bitmap of the non-zero values followed by their codes only.
 */
final class QuantizedCodes {
    private static final byte ALL = 0;
    private static final byte NON_ZERO = 1;

    private QuantizedCodes() {
    }

    static void write(DataOutputStream out, Tensor t) throws IOException {
        Quantization q = t.quantization();
        out.writeByte(2);
        out.writeByte(q.bits());
        out.writeBoolean(q.perChannel());
        out.writeInt(q.groups());
        for (int g = 0; g < q.groups(); g++) {
            out.writeFloat(q.scales()[g]);
            out.writeByte(q.zeroPoints()[g]);
        }
        float[] v = t.values();
        long nonZeros = t.nonZeros();
        long allBytes = packedBytes(v.length, q.bits());
        long sparseBytes = (v.length + 7) / 8 + packedBytes(nonZeros, q.bits());
        boolean sparse = sparseBytes < allBytes;
        out.writeByte(sparse ? NON_ZERO : ALL);
        if (sparse) {
            byte[] bitmap = new byte[(v.length + 7) / 8];
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0f) {
                    bitmap[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
            out.write(bitmap);
        }
        BitPacker packer = new BitPacker(q.bits());
        for (int i = 0; i < v.length; i++) {
            if (!sparse || v[i] != 0f) {
                int g = t.groupOf(i);
                int code = q.code(v[i], g);
                if (code < 0 || code > q.maxCode() || q.value(code, g) != v[i]) {
                    throw new IllegalArgumentException(t.name() + "[" + i + "] = " + v[i] + " is not on its grid");
                }
                packer.add(code);
            }
        }
        out.write(packer.bytes());
    }

    static Tensor read(DataInputStream in, String name, long[] shape, float[] values) throws IOException {
        int bits = in.readUnsignedByte();
        boolean perChannel = in.readBoolean();
        int groups = in.readInt();
        if (groups <= 0 || groups > values.length) {
            throw new IOException(name + " declares " + groups + " quantization groups");
        }
        float[] scales = new float[groups];
        int[] zeroPoints = new int[groups];
        for (int g = 0; g < groups; g++) {
            scales[g] = in.readFloat();
            zeroPoints[g] = in.readUnsignedByte();
        }
        Quantization q = new Quantization(bits, perChannel, scales, zeroPoints);
        Tensor shell = new Tensor(name, shape, values, q);
        boolean sparse = in.readByte() == NON_ZERO;
        boolean[] present = new boolean[values.length];
        int count = values.length;
        if (sparse) {
            byte[] bitmap = readFully(in, (values.length + 7) / 8);
            count = 0;
            for (int i = 0; i < values.length; i++) {
                present[i] = (bitmap[i >> 3] & (1 << (i & 7))) != 0;
                count += present[i] ? 1 : 0;
            }
        }
        BitPacker.Reader codes = new BitPacker.Reader(readFully(in, (int) packedBytes(count, bits)), bits);
        for (int i = 0; i < values.length; i++) {
            if (!sparse || present[i]) {
                values[i] = q.value(codes.next(), shell.groupOf(i));
            }
        }
        return shell;
    }

    private static long packedBytes(long count, int bits) {
        return (count * bits + 7) / 8;
    }

    private static byte[] readFully(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        return bytes;
    }
}
