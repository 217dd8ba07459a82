package org.paretowb.views.common;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.paretowb.models.data.LabeledImages;

/** One input of a set of images as a picture: grey, or RGB from its three channel planes. */
public final class Thumbnails {
    private Thumbnails() {
    }

    public static WritableImage image(LabeledImages images, int index) {
        int rows = images.rows();
        int cols = images.cols();
        int plane = rows * cols;
        boolean rgb = images.channels() >= 3;
        WritableImage image = new WritableImage(cols, rows);
        PixelWriter w = image.getPixelWriter();
        byte[] pixels = images.pixels();
        int offset = index * images.pixelsPerImage();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int at = offset + y * cols + x;
                int r = pixels[at] & 0xff;
                int g = rgb ? pixels[at + plane] & 0xff : r;
                int b = rgb ? pixels[at + 2 * plane] & 0xff : r;
                w.setArgb(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }
}
