package org.paretowb.charts.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.paretowb.models.data.LabeledImages;

/** One evaluation image as a small PNG, enlarged by whole pixels so that it stays sharp at any zoom. */
final class ImageTiles {
    private final LabeledImages images;
    private final int scale;

    ImageTiles(LabeledImages images, int scale) {
        this.images = images;
        this.scale = scale;
    }

    /** Image {@code index} as a {@code data:image/png;base64,...} URI. */
    String dataUri(int index) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(index));
    }

    byte[] png(int index) {
        int rows = images.rows();
        int cols = images.cols();
        BufferedImage image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = images.pixels();
        int offset = index * images.pixelsPerImage();
        for (int y = 0; y < rows * scale; y++) {
            for (int x = 0; x < cols * scale; x++) {
                int v = pixels[offset + (y / scale) * cols + x / scale] & 0xff;
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG into memory failed", e);
        }
        return out.toByteArray();
    }
}
