package org.paretowb.models.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightCodecTest {
    private final WeightCodec codec = new WeightCodec();

    private static WeightSet weights(float zeroFraction) {
        float[] w = new float[1000];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < zeroFraction * w.length ? 0f : (i - 500) / 100f;
        }
        return new WeightSet(NetworkSpec.parse("1x10x10 flatten dense10"), List.of(
                new Tensor("w", new long[] {10, 100}, w), new Tensor("b", new long[] {10}, new float[10])));
    }

    @Test
    void denseAndSparseTensorsRoundTripExactly() throws Exception {
        for (float zeros : new float[] {0f, 0.5f, 0.99f}) {
            WeightSet original = weights(zeros);
            WeightSet back = codec.read(new ByteArrayInputStream(codec.encode(original)), "test");

            assertEquals(original.spec(), back.spec());
            for (int i = 0; i < original.tensors().size(); i++) {
                assertEquals(original.tensors().get(i).name(), back.tensors().get(i).name());
                assertArrayEquals(original.tensors().get(i).shape(), back.tensors().get(i).shape());
                assertArrayEquals(original.tensors().get(i).values(), back.tensors().get(i).values());
            }
        }
    }

    @Test
    void moreZerosWriteFewerBytes() {
        int dense = codec.encode(weights(0f)).length;
        int half = codec.encode(weights(0.5f)).length;
        int most = codec.encode(weights(0.9f)).length;

        assertTrue(half < dense && most < half, dense + " " + half + " " + most);
    }

    @Test
    void truncatedFileIsRefusedWithItsName() {
        byte[] bytes = codec.encode(weights(0.5f));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);

        WeightFileException e = assertThrows(WeightFileException.class,
                () -> codec.read(new ByteArrayInputStream(cut), "cut.pwb"));
        assertEquals("cut.pwb is truncated", e.getMessage());
    }

    @Test
    void otherFilesAreRefused() {
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> codec.read(new ByteArrayInputStream("hello world".getBytes()), "notes.txt"));
        assertEquals("notes.txt is not a Pareto Workbench weight file", e.getMessage());
    }

    @Test
    void aGraphWhoseDescriptionIsLongerThan64KilobytesRoundTrips() throws Exception {
        StringBuilder text = new StringBuilder("1x1x4 flatten");
        for (int i = 0; i < 3000; i++) {
            text.append(" a_rather_long_node_name_for_the_test_").append(i).append("=relu");
        }
        text.append(" dense2");
        NetworkSpec spec = NetworkSpec.parse(text.toString());
        WeightSet weights = new WeightSet(spec, java.util.List.of(new Tensor("w", new long[] {2, 4}, new float[8]),
                new Tensor("b", new long[] {2}, new float[] {1, 2})));
        assertTrue(spec.describe().length() > 65_535);

        WeightSet back = new WeightCodec().read(new java.io.ByteArrayInputStream(new WeightCodec().encode(weights)), "big");

        assertEquals(spec, back.spec());
    }
}
