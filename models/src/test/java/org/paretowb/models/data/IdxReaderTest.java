package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private final IdxReader reader = new IdxReader();

    static byte[] imagesFile(int count, int rows, int cols, int pixelBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < pixelBytes; i++) {
            out.writeByte(i % 256);
        }
        return bytes.toByteArray();
    }

    static byte[] labelsFile(int count, int labelBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(count);
        for (int i = 0; i < labelBytes; i++) {
            out.writeByte(i % 10);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsImagesAndLabelsFromPlainAndGzippedFiles(@TempDir Path dir) throws Exception {
        Path images = Files.write(dir.resolve("images"), imagesFile(3, 2, 2, 12));
        Path labels = Files.write(dir.resolve("labels.gz"), gzip(labelsFile(3, 3)));

        LabeledImages set = reader.read(images, labels);

        assertEquals(3, set.size());
        assertEquals(2, set.rows());
        assertEquals(2, set.cols());
        assertEquals(2, set.label(2));
        assertArrayEquals(new float[] {4 / 255f, 5 / 255f, 6 / 255f, 7 / 255f}, set.scaledPixels(1, 1));
    }

    @Test
    void truncatedImagesFileIsNamedWithWhatItDeclaresAndHolds() throws Exception {
        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(
                "imgs.idx", imagesFile(10, 28, 28, 28 * 28 * 10 - 5), "labels.idx", labelsFile(10, 10)));

        assertTrue(e.getMessage().contains("imgs.idx is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("10 images of 28x28"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() throws Exception {
        byte[] header = Arrays.copyOf(imagesFile(1, 1, 1, 1), 9);
        DatasetException e = assertThrows(DatasetException.class,
                () -> reader.read("short.idx", header, "l", labelsFile(1, 1)));

        assertEquals("short.idx ends inside its header: the file is truncated", e.getMessage());
    }

    @Test
    void mismatchedCountsNameBothFiles() throws Exception {
        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(
                "images.idx", imagesFile(10000, 1, 1, 10000), "labels.idx", labelsFile(9999, 9999)));

        assertEquals("images file images.idx has 10000 items, labels file labels.idx has 9999", e.getMessage());
    }

    @Test
    void labelsGivenAsImagesAreRefusedByMagicNumber() throws Exception {
        DatasetException e = assertThrows(DatasetException.class,
                () -> reader.read("labels-as-images", labelsFile(3, 3), "labels", labelsFile(3, 3)));

        assertTrue(e.getMessage().startsWith("labels-as-images is not an idx images file"), e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path absent = dir.resolve("nothing.idx");
        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(absent, absent));

        assertEquals(absent + " does not exist", e.getMessage());
    }

    @Test
    void embeddedFashionMnistTestSetHasTenThousandBalancedImages() throws Exception {
        LabeledImages test = new FashionMnist().testSet();

        assertEquals(10_000, test.size());
        int[] perClass = new int[10];
        for (int i = 0; i < test.size(); i++) {
            perClass[test.label(i)]++;
        }
        for (int count : perClass) {
            assertEquals(1000, count);
        }
    }
}
