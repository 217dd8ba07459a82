package org.paretowb.models.data;

import java.util.Locale;

/**
 * Converts images to a model's input as they are read: to its channels (a grey image is replicated into each of 3
 * channels; an RGB image becomes grey by ITU-R 601-2 luma, {@code (19595 R + 38470 G + 7471 B + 32768) >> 16}, as
 * PIL's {@code convert("L")} does) and to its size by {@link ImageResize} (bilinear, half-pixel centres, exactly as
 * PyTorch). A model whose input is not an image of 1 or 3 channels (a row of table features, 2 or 4 channels)
 * takes images only of its own shape.
 */
public final class ImageConversion {
    private ImageConversion() {
    }

    /** Why images of {@code from} channels cannot be converted to {@code channels x rows x cols}; null when they can. */
    public static String misfit(int from, int channels, int rows, int cols) {
        if (rows < 2 || cols < 2) {
            return "the model takes a row of " + cols + " values, not an image";
        }
        if (from != channels && (from != 1 && from != 3 || channels != 1 && channels != 3)) {
            return "images of " + from + " channel" + (from == 1 ? "" : "s") + " cannot be converted to "
                    + channels + " channels (grey and RGB can)";
        }
        return null;
    }

    /** {@code data} converted to {@code channels x rows x cols}, saying so; as it is when it has that shape already. */
    public static LabeledImages convert(LabeledImages data, int channels, int rows, int cols) throws DatasetException {
        if (data.channels() == channels && data.rows() == rows && data.cols() == cols) {
            return data;
        }
        check(data, channels, rows, cols);
        int per = data.pixelsPerImage();
        int perOut = channels * rows * cols;
        byte[] out = new byte[data.size() * perOut];
        for (int i = 0; i < data.size(); i++) {
            byte[] image = convert(data.pixels(), i * per, data.channels(), data.rows(), data.cols(), channels, rows,
                    cols);
            System.arraycopy(image, 0, out, i * perOut, perOut);
        }
        return new LabeledImages(data.name(), out, data.labels(), channels, rows, cols, data.normalisation(), null,
                describe(data.channels(), data.rows(), data.cols(), channels, rows, cols));
    }

    /** A message naming {@code data} when it cannot be converted to {@code channels x rows x cols}. */
    public static void check(LabeledImages data, int channels, int rows, int cols) throws DatasetException {
        if (data.channels() == channels && data.rows() == rows && data.cols() == cols) {
            return;
        }
        String misfit = data.isImages() ? misfit(data.channels(), channels, rows, cols) : "it is a table";
        if (misfit != null) {
            throw new DatasetException(data.name() + ": its " + (data.isImages() ? "images are " : "rows are ")
                    + data.shape() + ", but the model takes " + channels + "x" + rows + "x" + cols + " (" + misfit + ")");
        }
    }

    /**
     * One image of {@code from} channel planes ({@code from x fromRows x fromCols} bytes at {@code offset}) as
     * {@code channels x rows x cols} bytes: its channels converted first, then each plane resized.
     */
    public static byte[] convert(byte[] pixels, int offset, int from, int fromRows, int fromCols, int channels,
                                 int rows, int cols) {
        int plane = fromRows * fromCols;
        byte[] out = new byte[channels * rows * cols];
        int outPlane = rows * cols;
        if (from == channels) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(ImageResize.bilinear(pixels, offset + c * plane, fromRows, fromCols, rows, cols), 0,
                        out, c * outPlane, outPlane);
            }
        } else if (from == 1) { // grey to RGB: the same plane in each channel
            byte[] grey = ImageResize.bilinear(pixels, offset, fromRows, fromCols, rows, cols);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(grey, 0, out, c * outPlane, outPlane);
            }
        } else { // RGB to grey
            byte[] grey = new byte[plane];
            for (int i = 0; i < plane; i++) {
                grey[i] = luma(pixels[offset + i], pixels[offset + plane + i], pixels[offset + 2 * plane + i]);
            }
            System.arraycopy(ImageResize.bilinear(grey, 0, fromRows, fromCols, rows, cols), 0, out, 0, outPlane);
        }
        return out;
    }

    /** ITU-R 601-2 luma in 16-bit fixed point, rounded, as PIL computes it. */
    static byte luma(byte r, byte g, byte b) {
        return (byte) (((r & 0xff) * 19595 + (g & 0xff) * 38470 + (b & 0xff) * 7471 + 0x8000) >> 16);
    }

    /** "from 1x28x28 to 3x32x32: resized (bilinear), grey replicated to 3 channels" */
    public static String describe(int from, int fromRows, int fromCols, int channels, int rows, int cols) {
        StringBuilder how = new StringBuilder(String.format(Locale.ROOT, "from %dx%dx%d to %dx%dx%d:", from, fromRows,
                fromCols, channels, rows, cols));
        String sep = " ";
        if (fromRows != rows || fromCols != cols) {
            how.append(sep).append("resized (").append(ImageResize.METHOD).append(')');
            sep = ", ";
        }
        if (from == 1 && channels > 1) {
            how.append(sep).append("grey replicated to ").append(channels).append(" channels");
        } else if (from > 1 && channels == 1) {
            how.append(sep).append("RGB to grey (luma)");
        }
        return how.toString();
    }
}
