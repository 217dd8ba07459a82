package org.paretowb.models.network;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's weight file ("PWB1"). Each tensor is stored dense (float32) or, where it is smaller,
 * sparse: a bitmap of the non-zero positions followed by the non-zero values. So the bytes written fall
 * as sparsity rises, and a pruned model is smaller on disk, not only on paper. Quantized tensors are
 * stored as packed integer codes with their scales and zero points ({@link QuantizedCodes}).
 */
public final class WeightCodec {
    private static final int MAGIC = 0x50574231; // "PWB1"
    /** As PWB1, with the network description's length as an int: a large graph's line exceeds writeUTF's 65,535 bytes. */
    private static final int MAGIC_LONG = 0x50574232; // "PWB2"
    private static final byte DENSE = 0;
    private static final byte SPARSE_BITMAP = 1;
    private static final byte QUANTIZED = 2;

    /** The serialized bytes of a weight set. */
    public byte[] encode(WeightSet weights) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(weights, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    public void write(WeightSet weights, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        byte[] description = weights.spec().describe().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (description.length <= 65_535) {
            out.writeInt(MAGIC);
            out.writeUTF(weights.spec().describe());
        } else {
            out.writeInt(MAGIC_LONG);
            out.writeInt(description.length);
            out.write(description);
        }
        out.writeInt(weights.tensors().size());
        for (Tensor t : weights.tensors()) {
            out.writeUTF(t.name());
            out.writeByte(t.shape().length);
            for (long d : t.shape()) {
                out.writeInt((int) d);
            }
            long nonZeros = t.nonZeros();
            if (t.quantization() != null) {
                QuantizedCodes.write(out, t);
            } else if (sparseSize(t.size(), nonZeros) < 4L * t.size()) {
                writeSparse(out, t, (int) nonZeros);
            } else {
                out.writeByte(DENSE);
                for (float v : t.values()) {
                    out.writeFloat(v);
                }
            }
        }
        out.flush();
    }

    private static long sparseSize(int size, long nonZeros) {
        return 4 + (size + 7) / 8 + 4 * nonZeros;
    }

    private static void writeSparse(DataOutputStream out, Tensor t, int nonZeros) throws IOException {
        out.writeByte(SPARSE_BITMAP);
        out.writeInt(nonZeros);
        float[] v = t.values();
        byte[] bitmap = new byte[(v.length + 7) / 8];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0f) {
                bitmap[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        out.write(bitmap);
        for (float x : v) {
            if (x != 0f) {
                out.writeFloat(x);
            }
        }
    }

    /** Reads a weight file; {@code source} names it in messages. */
    public WeightSet read(InputStream in, String source) throws WeightFileException {
        try {
            DataInputStream data = new DataInputStream(in);
            int magic = data.readInt();
            if (magic != MAGIC && magic != MAGIC_LONG) {
                throw new WeightFileException(source + " is not a Pareto Workbench weight file");
            }
            NetworkSpec spec = NetworkSpec.parse(magic == MAGIC ? data.readUTF() : longText(data, source));
            int count = data.readInt();
            List<Tensor> tensors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tensors.add(readTensor(data, source));
            }
            return new WeightSet(spec, tensors);
        } catch (EOFException e) {
            throw new WeightFileException(source + " is truncated");
        } catch (IOException e) {
            throw new WeightFileException(source + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new WeightFileException(source + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static String longText(DataInputStream data, String source) throws IOException, WeightFileException {
        int length = data.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new WeightFileException(source + " is corrupt: a network description of " + length + " bytes");
        }
        return new String(data.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Tensor readTensor(DataInputStream in, String source) throws IOException, WeightFileException {
        String name = in.readUTF();
        long[] shape = new long[in.readUnsignedByte()];
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readInt();
            size *= shape[d];
        }
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new WeightFileException(source + ": tensor " + name + " has an impossible shape");
        }
        float[] values = new float[(int) size];
        byte encoding = in.readByte();
        if (encoding == DENSE) {
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
        } else if (encoding == SPARSE_BITMAP) {
            readSparse(in, values);
        } else if (encoding == QUANTIZED) {
            return QuantizedCodes.read(in, name, shape, values);
        } else {
            throw new WeightFileException(source + ": tensor " + name + " has unknown encoding " + encoding);
        }
        return new Tensor(name, shape, values);
    }

    private static void readSparse(DataInputStream in, float[] values) throws IOException {
        in.readInt(); // the non-zero count: the bitmap says the same
        byte[] bitmap = in.readNBytes((values.length + 7) / 8);
        if (bitmap.length < (values.length + 7) / 8) {
            throw new EOFException();
        }
        for (int i = 0; i < values.length; i++) {
            if ((bitmap[i >> 3] & (1 << (i & 7))) != 0) {
                values[i] = in.readFloat();
            }
        }
    }
}
