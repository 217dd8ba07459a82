package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.Normalisation;

/** Data is converted to the model's channels and size as it is read, exactly, and says so. */
class DataLoaderTest {
    private static final Normalisation IMAGENET = new Normalisation(new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f});

    @TempDir
    Path dir;

    private static ModelSettings model(int c, int h, int w, Normalisation n) {
        return new ModelSettings(c, h, w, n, FashionMnist.CLASS_NAMES);
    }

    @Test
    void idxImagesAreResizedAndReplicatedToAnRgbModelAndNormalisedPerChannel() throws Exception {
        LabeledImages test = new FashionMnist().testSet().first(5);
        LabeledImages fitted = new DataLoader(model(3, 32, 32, IMAGENET)).fitted(test);
        assertEquals("3x32x32", fitted.shape());
        assertEquals("from 1x28x28 to 3x32x32: resized (bilinear), grey replicated to 3 channels",
                fitted.conversion());
        byte[] resized = ImageResize.bilinear(test.pixels(), 784, 28, 28, 32, 32); // the second image
        for (int c = 0; c < 3; c++) {
            int at = 3072 + c * 1024;
            assertArrayEquals(resized, Arrays.copyOfRange(fitted.pixels(), at, at + 1024), "channel " + c);
        }
        float[] input = fitted.scaledPixels(1, 1);
        assertEquals(((resized[40] & 0xff) / 255f - 0.456f) / 0.224f, input[1024 + 40], "the green channel's own");
        assertEquals(IMAGENET, fitted.normalisation());
    }

    @Test
    void dataOfTheModelsShapeIsNotConverted() throws Exception {
        LabeledImages test = new FashionMnist().testSet().first(3);
        LabeledImages fitted = new DataLoader(model(1, 28, 28, Normalisation.NONE)).fitted(test);
        assertFalse(fitted.converted());
        assertTrue(fitted.pixels() == test.pixels(), "the same bytes");
    }

    @Test
    void imagesAreRefusedByAModelThatTakesRowsOrTwoChannels() throws Exception {
        LabeledImages test = new FashionMnist().testSet().first(3);
        DatasetException row = assertThrows(DatasetException.class,
                () -> new DataLoader(model(1, 1, 13, Normalisation.NONE).withClassNames(List.of("a", "b", "c")))
                        .fitted(test));
        assertTrue(row.getMessage().endsWith("its images are 1x28x28, but the model takes 1x1x13 (the model takes a"
                + " row of 13 values, not an image)"), row.getMessage());
        DatasetException two = assertThrows(DatasetException.class,
                () -> new DataLoader(model(2, 28, 28, Normalisation.NONE)).fitted(test));
        assertTrue(two.getMessage().endsWith("(images of 1 channel cannot be converted to 2 channels (grey and RGB"
                + " can))"), two.getMessage());
    }

    @Test
    void anImageFolderIsConvertedExactlyGreyPngsAsStoredAndRgbByLuma() throws Exception {
        byte[] grey = new byte[20 * 24];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (i * 37);
        }
        Path folder = dir.resolve("images");
        ImageFolder.writePng(grey, 0, 20, 24, Files.createDirectories(folder.resolve("0")).resolve("grey.png"));
        BufferedImage colour = new BufferedImage(24, 20, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(3, 2, 0xC86432);
        ImageIO.write(colour, "png", Files.createDirectories(folder.resolve("1")).resolve("colour.png").toFile());

        LabeledImages rgb = new DataLoader(model(3, 32, 32, IMAGENET)).load(folder, ImageFolder.Progress.NONE);
        assertEquals("from 2 shapes (1x20x24, 3x20x24) to 3x32x32: resized (bilinear) and converted to 3 channels as"
                + " read", rgb.conversion());
        byte[] resized = ImageResize.bilinear(grey, 0, 20, 24, 32, 32);
        assertArrayEquals(resized, Arrays.copyOfRange(rgb.pixels(), 2048, 3072), "a grey PNG's own values, replicated");

        LabeledImages one = new DataLoader(model(1, 20, 24, Normalisation.NONE)).load(folder, ImageFolder.Progress.NONE);
        // the colour image (label 1) is read second; its pixel (3, 2) in luma: (200*19595 + 100*38470 + 50*7471
        // + 32768) >> 16 = 124
        assertEquals(124, one.pixels()[480 + 2 * 24 + 3] & 0xff);
        assertArrayEquals(grey, Arrays.copyOfRange(one.pixels(), 0, 480), "a grey image of the model's size, as stored");
    }

    @Test
    void trainingFilesBesideTheT10kFilesAreFoundAndFittedWhenRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("idx"));
        assertFalse(TrainingData.besideIdx(folder).available());
        assertTrue(TrainingData.besideIdx(folder).missing().contains("holds no training files"));
        Path resources = Path.of("src/main/resources/org/paretowb/models/data/fashion-mnist");
        Files.copy(resources.resolve("train-12k-images-idx3-ubyte.gz"), folder.resolve("train-images-idx3-ubyte.gz"));
        Files.copy(resources.resolve("train-12k-labels-idx1-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"));
        TrainingData beside = TrainingData.besideIdx(folder);
        assertTrue(beside.available(), beside.missing());
        LabeledImages images = beside.fittedTo(model(3, 32, 32, IMAGENET)).images();
        assertEquals(12_000, images.size());
        assertEquals("3x32x32", images.shape());
        assertEquals(IMAGENET, images.normalisation());
    }
}
