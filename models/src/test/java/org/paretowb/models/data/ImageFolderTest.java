package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path dir;

    private final ImageFolder folder = new ImageFolder(28, 28, 10);

    private static void png(Path file, int rows, int cols) throws Exception {
        byte[] pixels = new byte[rows * cols];
        pixels[0] = (byte) 200;
        ImageFolder.writePng(pixels, 0, rows, cols, file);
    }

    @Test
    void namedClassFoldersTakeTheirSortedOrderAndLargerImagesAreResized() throws Exception {
        png(Files.createDirectories(dir.resolve("bag")).resolve("a.png"), 56, 56);
        png(Files.createDirectories(dir.resolve("coat")).resolve("b.png"), 28, 28);
        LabeledImages images = folder.read(dir);
        assertEquals(2, images.size());
        assertEquals(0, images.label(0));
        assertEquals(1, images.label(1));
        assertEquals(28 * 28 * 2, images.pixels().length);
    }

    @Test
    void imagesAreReadOneOfEachClassInTurnSoTheFirstOnesHoldEveryClass() throws Exception {
        for (int c = 0; c < 3; c++) {
            Path classFolder = Files.createDirectories(dir.resolve(String.valueOf(c)));
            for (int i = 0; i < (c == 1 ? 2 : 4); i++) {
                png(classFolder.resolve(i + ".png"), 28, 28);
            }
        }
        LabeledImages images = folder.read(dir);
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            labels.append(images.label(i));
        }
        assertEquals("0120120202", labels.toString());
    }

    @Test
    void badFoldersAndFilesAreNamedInTheMessage() throws Exception {
        DatasetException empty = assertThrows(DatasetException.class, () -> folder.read(dir));
        assertTrue(empty.getMessage().contains("has no class folders"), empty.getMessage());

        Files.createDirectories(dir.resolve("3"));
        DatasetException noImages = assertThrows(DatasetException.class, () -> folder.read(dir));
        assertTrue(noImages.getMessage().endsWith("3 holds no PNG or JPEG image"), noImages.getMessage());

        Files.writeString(dir.resolve("3").resolve("broken.png"), "not an image");
        DatasetException corrupt = assertThrows(DatasetException.class, () -> folder.read(dir));
        assertTrue(corrupt.getMessage().contains("broken.png is not a readable"), corrupt.getMessage());

        Files.delete(dir.resolve("3").resolve("broken.png"));
        png(Files.createDirectories(dir.resolve("12")).resolve("x.png"), 28, 28);
        png(dir.resolve("3").resolve("y.png"), 28, 28);
        DatasetException outside = assertThrows(DatasetException.class, () -> folder.read(dir));
        assertTrue(outside.getMessage().contains("outside the model's 10 classes"), outside.getMessage());
    }
}
