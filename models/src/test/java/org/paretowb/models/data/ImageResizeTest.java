package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The resize is PyTorch's, bit for bit: float32 values and 8-bit results against a fixture PyTorch 1.13 computed
 * ({@code services/src/bench/make_resize_fixture.py}), up and down, square and not.
 */
class ImageResizeTest {
    @Test
    void resizedImagesAreExactlyPyTorchsBilinear() throws Exception {
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ImageResizeTest.class.getResourceAsStream("resize-pytorch.txt"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("case ")) {
                    continue;
                }
                String[] size = line.split(" ");
                int rows = Integer.parseInt(size[1]);
                int cols = Integer.parseInt(size[2]);
                int toRows = Integer.parseInt(size[3]);
                int toCols = Integer.parseInt(size[4]);
                byte[] image = HexFormat.of().parseHex(in.readLine());
                byte[] floats = HexFormat.of().parseHex(in.readLine());
                byte[] rounded = HexFormat.of().parseHex(in.readLine());
                String what = rows + "x" + cols + " to " + toRows + "x" + toCols;
                float[] values = ImageResize.values(image, 0, rows, cols, toRows, toCols);
                java.nio.FloatBuffer expected = java.nio.ByteBuffer.wrap(floats).asFloatBuffer();
                for (int i = 0; i < values.length; i++) {
                    assertEquals(Float.floatToIntBits(expected.get(i)), Float.floatToIntBits(values[i]),
                            what + ": value " + i + ": PyTorch " + expected.get(i) + ", here " + values[i]);
                }
                assertArrayEquals(rounded, ImageResize.bilinear(image, 0, rows, cols, toRows, toCols), what);
                cases++;
            }
        }
        assertEquals(12, cases);
    }

    @Test
    void tiesRoundToEven() {
        // 1x2 to 1x4 reads positions 0 (clamped), 0.25, 0.75 and 1 (clamped): 10, 10.75, 12.25, 13
        byte[] image = {10, 13};
        float[] values = ImageResize.values(image, 0, 1, 2, 1, 4);
        assertArrayEquals(new float[] {10f, 10.75f, 12.25f, 13f}, values);
        byte[] tie = ImageResize.bilinear(new byte[] {10, 11, 12, 13}, 0, 1, 4, 1, 2);
        // 1x4 to 1x2 reads positions 0.5 and 2.5: (10 + 11) / 2 = 10.5 rounds to 10, (12 + 13) / 2 = 12.5 to 12
        assertArrayEquals(new byte[] {10, 12}, tie);
    }

    @Test
    void aPlaneOfTheSameSizeIsCopied() {
        byte[] image = new byte[28 * 28];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7);
        }
        assertArrayEquals(image, ImageResize.bilinear(image, 0, 28, 28, 28, 28));
        assertTrue(ImageResize.bilinear(image, 0, 28, 28, 32, 32).length == 32 * 32);
    }
}
