package org.paretowb.models.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads image and label files in the idx format that MNIST and Fashion-MNIST are distributed in,
 * gzipped or not (detected from the first bytes, not the file name).
 */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** Reads an images file and its labels file and checks that they belong together. */
    public LabeledImages read(Path images, Path labels) throws DatasetException {
        return read(images.getFileName().toString(), bytesOf(images), labels.getFileName().toString(), bytesOf(labels));
    }

    /** Same as {@link #read(Path, Path)} for files already in memory (for example, class-path resources). */
    public LabeledImages read(String imagesName, byte[] imagesFile, String labelsName, byte[] labelsFile)
            throws DatasetException {
        Images images = readImages(imagesName, imagesFile);
        byte[] labels = readLabels(labelsName, labelsFile);
        if (labels.length != images.count) {
            throw new DatasetException("images file " + imagesName + " has " + images.count
                    + " items, labels file " + labelsName + " has " + labels.length);
        }
        return new LabeledImages(imagesName, images.pixels, labels, images.rows, images.cols);
    }

    private record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private Images readImages(String name, byte[] file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DatasetException(name + " is not an idx images file (magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x803)");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new DatasetException(name + " declares " + count + " images of " + rows + "x" + cols);
            }
            long expected = (long) count * rows * cols;
            if (expected > Integer.MAX_VALUE) {
                throw new DatasetException(name + " declares " + expected + " pixels, more than this reader holds");
            }
            byte[] pixels = readBody(in, (int) expected, name, count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (EOFException e) {
            throw new DatasetException(name + " ends inside its header: the file is truncated");
        } catch (IOException e) {
            throw new DatasetException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] readLabels(String name, byte[] file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DatasetException(name + " is not an idx labels file (magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x801)");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new DatasetException(name + " declares " + count + " labels");
            }
            return readBody(in, count, name, count + " labels");
        } catch (EOFException e) {
            throw new DatasetException(name + " ends inside its header: the file is truncated");
        } catch (IOException e) {
            throw new DatasetException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] readBody(DataInputStream in, int length, String name, String declared)
            throws IOException, DatasetException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new DatasetException(name + " is truncated: it declares " + declared + " (" + length
                    + " bytes) but holds only " + body.length + " bytes");
        }
        return body;
    }

    private static DataInputStream open(byte[] file) throws IOException {
        InputStream raw = new ByteArrayInputStream(file);
        boolean gzipped = file.length >= 2 && (file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b;
        return new DataInputStream(new BufferedInputStream(gzipped ? new GZIPInputStream(raw) : raw));
    }

    private static byte[] bytesOf(Path file) throws DatasetException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + " does not exist");
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
