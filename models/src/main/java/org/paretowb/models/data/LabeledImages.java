package org.paretowb.models.data;

import java.util.Arrays;

/**
 * Grey-scale images with one class label each, held as the raw bytes of the idx files.
 *
 * @param name where the images came from, for messages and reports
 * @param pixels {@code size * rows * cols} bytes, image after image, row after row
 * @param labels one class index per image
 */
public record LabeledImages(String name, byte[] pixels, byte[] labels, int rows, int cols) {

    public LabeledImages {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": image size " + rows + "x" + cols + " is not positive");
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes do not hold "
                    + labels.length + " images of " + rows + "x" + cols);
        }
    }

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** The first {@code count} images (all of them when count is larger than the set). */
    public LabeledImages first(int count) {
        if (count >= size()) {
            return this;
        }
        int n = Math.max(0, count);
        return new LabeledImages(name + " (first " + n + ")",
                Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), rows, cols);
    }

    /** Pixels of images {@code [from, from + count)} scaled to [0, 1], as the networks take them. */
    public float[] scaledPixels(int from, int count) {
        int per = pixelsPerImage();
        float[] out = new float[count * per];
        int offset = from * per;
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[offset + i] & 0xff) / 255f;
        }
        return out;
    }
}
