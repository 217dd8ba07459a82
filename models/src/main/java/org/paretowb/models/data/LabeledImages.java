package org.paretowb.models.data;

import java.util.Arrays;
import java.util.Random;
import org.paretowb.models.input.Normalisation;

/**
 * Labelled inputs for a network: images held as their raw bytes (channel planes of rows x cols, image after
 * image), or rows of a table held as float features ({@code rows} 1, {@code cols} features).
 *
 * @param name where the inputs came from, for messages and reports
 * @param pixels {@code size * channels * rows * cols} bytes; empty for tabular data
 * @param labels one class index per input
 * @param normalisation applied after scaling pixels to [0, 1]; tabular features are used as they are
 * @param features {@code size * cols} values for tabular data, {@code null} for images
 * @param conversion how the images were converted to this shape as they were read ("from 1x28x28 to 3x32x32:
 *     resized (bilinear), grey replicated to 3 channels"); null when they were read as they are
 */
public record LabeledImages(String name, byte[] pixels, byte[] labels, int channels, int rows, int cols,
                            Normalisation normalisation, float[] features, String conversion) {

    public LabeledImages {
        if (channels <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": input shape " + channels + "x" + rows + "x" + cols
                    + " is not positive");
        }
        if (!normalisation.fits(channels)) {
            throw new IllegalArgumentException(name + ": the normalisation (" + normalisation.describe()
                    + ") does not have one value per channel for " + channels + " channels");
        }
        long per = (long) channels * rows * cols;
        if (features != null) {
            if (pixels.length != 0 || (long) labels.length * per != features.length) {
                throw new IllegalArgumentException(name + ": " + features.length + " feature values do not hold "
                        + labels.length + " rows of " + per);
            }
        } else if ((long) labels.length * per != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes do not hold "
                    + labels.length + " images of " + (channels == 1 ? "" : channels + "x") + rows + "x" + cols);
        }
    }

    /** Inputs read as they are (not converted). */
    public LabeledImages(String name, byte[] pixels, byte[] labels, int channels, int rows, int cols,
                         Normalisation normalisation, float[] features) {
        this(name, pixels, labels, channels, rows, cols, normalisation, features, null);
    }

    /** Grey images as the idx files hold them, scaled to [0, 1] only. */
    public LabeledImages(String name, byte[] pixels, byte[] labels, int rows, int cols) {
        this(name, pixels, labels, 1, rows, cols, Normalisation.NONE, null);
    }

    /** Rows of a table: {@code features.length / labels.length} values each. */
    public static LabeledImages table(String name, float[] features, byte[] labels, int width) {
        return new LabeledImages(name, new byte[0], labels, 1, 1, width, Normalisation.NONE, features);
    }

    public int size() {
        return labels.length;
    }

    /** Values per input: channels x rows x cols. */
    public int pixelsPerImage() {
        return channels * rows * cols;
    }

    /** Whether these are images (which can be drawn), not rows of a table. */
    public boolean isImages() {
        return features == null;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** The number of classes the labels use: the largest label plus one. */
    public int classesUsed() {
        int max = -1;
        for (byte b : labels) {
            max = Math.max(max, b & 0xff);
        }
        return max + 1;
    }

    /** How many inputs each class has, for classes {@code 0 .. classes - 1}. */
    public int[] countsPerClass(int classes) {
        int[] counts = new int[Math.max(classes, classesUsed())];
        for (byte b : labels) {
            counts[b & 0xff]++;
        }
        return counts;
    }

    /** The same inputs under another name (for example the file's whole path, for messages). */
    public LabeledImages renamed(String newName) {
        return new LabeledImages(newName, pixels, labels, channels, rows, cols, normalisation, features, conversion);
    }

    /** The same inputs read with another normalisation. */
    public LabeledImages withNormalisation(Normalisation n) {
        return new LabeledImages(name, pixels, labels, channels, rows, cols, n, features, conversion);
    }

    /** The first {@code count} inputs (all of them when count is larger than the set). */
    public LabeledImages first(int count) {
        if (count >= size()) {
            return this;
        }
        int n = Math.max(0, count);
        int per = pixelsPerImage();
        return new LabeledImages(name + " (first " + n + ")", isImages() ? Arrays.copyOf(pixels, n * per) : pixels,
                Arrays.copyOf(labels, n), channels, rows, cols, normalisation,
                isImages() ? null : Arrays.copyOf(features, n * per), conversion);
    }

    /** The inputs at {@code indices}, in that order. */
    public LabeledImages select(int[] indices, String newName) {
        int per = pixelsPerImage();
        byte[] p = isImages() ? new byte[indices.length * per] : pixels;
        float[] f = isImages() ? null : new float[indices.length * per];
        byte[] l = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (isImages()) {
                System.arraycopy(pixels, indices[i] * per, p, i * per, per);
            } else {
                System.arraycopy(features, indices[i] * per, f, i * per, per);
            }
            l[i] = labels[indices[i]];
        }
        return new LabeledImages(newName, p, l, channels, rows, cols, normalisation, f, conversion);
    }

    /**
     * A seeded random split: {@code [training, evaluation]}, the evaluation part holding {@code evaluationShare}
     * of the inputs (at least one in each part). The same seed gives the same split.
     */
    public LabeledImages[] split(double evaluationShare, long seed) {
        if (!(evaluationShare > 0 && evaluationShare < 1)) {
            throw new IllegalArgumentException("the evaluation share must be between 0 and 1, got " + evaluationShare);
        }
        if (size() < 2) {
            throw new IllegalArgumentException(name + " has " + size() + " input(s): too few to split");
        }
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int evaluation = Math.min(size() - 1, Math.max(1, (int) Math.round(size() * evaluationShare)));
        int training = size() - evaluation;
        return new LabeledImages[] {
            select(Arrays.copyOfRange(order, 0, training), name + " (training split, seed " + seed + ")"),
            select(Arrays.copyOfRange(order, training, order.length), name + " (evaluation split, seed " + seed + ")")
        };
    }

    /** Whether the images were converted (resized, or their channels changed) as they were read. */
    public boolean converted() {
        return conversion != null;
    }

    /** "3x32x32" (channels x rows x cols). */
    public String shape() {
        return channels + "x" + rows + "x" + cols;
    }

    /** Inputs {@code [from, from + count)} as the network takes them: pixels / 255, normalised; features as they are. */
    public float[] scaledPixels(int from, int count) {
        int per = pixelsPerImage();
        if (!isImages()) {
            return Arrays.copyOfRange(features, from * per, (from + count) * per);
        }
        float[] out = new float[count * per];
        int offset = from * per;
        if (normalisation.isNone()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (pixels[offset + i] & 0xff) / 255f;
            }
            return out;
        }
        int plane = rows * cols;
        for (int c = 0; c < channels; c++) {
            float mean = normalisation.mean(c);
            float std = normalisation.std(c);
            for (int image = 0; image < count; image++) {
                int at = image * per + c * plane;
                for (int i = at; i < at + plane; i++) {
                    out[i] = ((pixels[offset + i] & 0xff) / 255f - mean) / std;
                }
            }
        }
        return out;
    }
}
