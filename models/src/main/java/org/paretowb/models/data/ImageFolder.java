package org.paretowb.models.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.paretowb.models.input.Normalisation;

/**
 * Labelled images from a folder with one sub-folder per class (PNG or JPEG files). Classes are the
 * sub-folders: when every name is a whole number, that number is the label; otherwise the labels follow
 * the names' sorted order. Each image is converted to the model's channels (grey or RGB) and resized to its
 * input as it is read ({@link ImageConversion}: exactly PyTorch's bilinear resize), so only the small converted
 * bytes are kept, never thousands of decoded images. The
 * images are read one of each class in turn, so that the first images of the set hold every class.
 */
public final class ImageFolder {
    /** Told how many images are read so far, of how many. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void read(int done, int total);
    }

    private final int channels;
    private final int rows;
    private final int cols;
    private final int classes;

    /** Grey images. @param classes how many classes the model has: a label outside them is refused */
    public ImageFolder(int rows, int cols, int classes) {
        this(1, rows, cols, classes);
    }

    /** @param channels 1 (grey) or 3 (RGB planes) */
    public ImageFolder(int channels, int rows, int cols, int classes) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image folder feeds models of 1 (grey) or 3 (RGB) channels, not "
                    + channels);
        }
        this.channels = channels;
        this.rows = rows;
        this.cols = cols;
        this.classes = classes;
    }

    /** The class folders' names, in label order (numbered folders: by number). */
    public static List<String> classNames(Path folder) throws DatasetException {
        return classFolders(folder).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Whether {@code folder} looks like an image folder (it has a sub-folder). */
    public static boolean looksLikeOne(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    public LabeledImages read(Path folder) throws DatasetException {
        return read(folder, Progress.NONE);
    }

    public LabeledImages read(Path folder, Progress progress) throws DatasetException {
        List<Path> classFolders = classFolders(folder);
        List<List<Path>> imagesPerClass = new java.util.ArrayList<>();
        int total = 0;
        for (Path classFolder : classFolders) {
            List<Path> images = images(classFolder);
            if (images.isEmpty()) {
                throw new DatasetException(classFolder + " holds no PNG or JPEG image");
            }
            imagesPerClass.add(images);
            total += images.size();
        }
        boolean numbered = classFolders.stream().allMatch(p -> p.getFileName().toString().matches("\\d{1,4}"));
        int[] labelOf = new int[classFolders.size()];
        int most = 0;
        for (int i = 0; i < classFolders.size(); i++) {
            Path classFolder = classFolders.get(i);
            labelOf[i] = numbered ? Integer.parseInt(classFolder.getFileName().toString()) : i;
            if (labelOf[i] >= classes) {
                throw new DatasetException(folder + ": class folder '" + classFolder.getFileName() + "' is label "
                        + labelOf[i] + ", outside the model's " + classes + " classes (0 to " + (classes - 1) + ")");
            }
            most = Math.max(most, imagesPerClass.get(i).size());
        }
        // one image of each class in turn: the first images of the set (a live subset) hold every class
        int done = 0;
        java.util.Set<String> shapes = new java.util.TreeSet<>();
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (int k = 0; k < most; k++) {
            for (int i = 0; i < classFolders.size(); i++) {
                List<Path> images = imagesPerClass.get(i);
                if (k < images.size()) {
                    pixels.writeBytes(converted(images.get(k), shapes));
                    labels.write(labelOf[i]);
                    progress.read(++done, total);
                }
            }
        }
        return new LabeledImages(folder.getFileName() + " (image folder)", pixels.toByteArray(), labels.toByteArray(),
                channels, rows, cols, Normalisation.NONE, null, conversion(shapes));
    }

    /** How the images were converted: null when all had the model's shape; else from which shape(s) to which. */
    private String conversion(java.util.Set<String> shapes) {
        String target = channels + "x" + rows + "x" + cols;
        if (shapes.isEmpty() || shapes.equals(java.util.Set.of(target))) {
            return null;
        }
        if (shapes.size() == 1) {
            int[] s = java.util.Arrays.stream(shapes.iterator().next().split("x")).mapToInt(Integer::parseInt).toArray();
            return ImageConversion.describe(s[0], s[1], s[2], channels, rows, cols);
        }
        return "from " + shapes.size() + " shapes (" + String.join(", ", shapes.stream().limit(3).toList())
                + (shapes.size() > 3 ? ", ..." : "") + ") to " + target + ": resized (" + ImageResize.METHOD
                + ") and converted to " + (channels == 1 ? "grey" : channels + " channels") + " as read";
    }

    private static List<Path> classFolders(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> found = entries.filter(Files::isDirectory).sorted().toList();
            if (found.isEmpty()) {
                throw new DatasetException(folder + " has no class folders: put each class's images in a sub-folder"
                        + " named after the class");
            }
            return found;
        } catch (IOException e) {
            throw new DatasetException(folder + " cannot be listed: " + e.getMessage(), e);
        }
    }

    private static List<Path> images(Path classFolder) throws DatasetException {
        try (Stream<Path> entries = Files.list(classFolder)) {
            return entries.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
            }).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(classFolder + " cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * The image as channels x rows x cols bytes: decoded to grey or RGB planes as the file holds them, then
     * converted to the model's channels and size by {@link ImageConversion} (exact bilinear resize); the shape it had
     * is told to {@code shapes}.
     */
    private byte[] converted(Path file, java.util.Set<String> shapes) throws DatasetException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file + " is not a readable image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DatasetException(file + " is not a readable PNG or JPEG image");
        }
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] planes = planes(image);
        int from = planes.length / (h * w);
        shapes.add(from + "x" + h + "x" + w);
        return ImageConversion.convert(planes, 0, from, h, w, channels, rows, cols);
    }

    /**
     * The decoded pixels as one grey plane (grey images, read from the raster as stored: a grey PNG's values are
     * not colour-converted) or three RGB planes (colour and palette images, as sRGB).
     */
    private static byte[] planes(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        java.awt.image.Raster raster = image.getRaster();
        boolean grey = raster.getNumBands() <= 2 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel);
        if (grey) {
            int bits = raster.getSampleModel().getSampleSize(0);
            int max = (1 << bits) - 1;
            byte[] out = new byte[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, 0);
                    out[y * w + x] = (byte) (bits == 8 ? v : Math.round(v * 255.0 / max));
                }
            }
            return out;
        }
        int plane = h * w;
        byte[] out = new byte[3 * plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out[y * w + x] = (byte) (rgb >> 16);
                out[plane + y * w + x] = (byte) (rgb >> 8);
                out[2 * plane + y * w + x] = (byte) rgb;
            }
        }
        return out;
    }

    /** Writes one grey image as PNG (for tests and for exporting a data set as a folder). */
    public static void writePng(byte[] pixels, int offset, int rows, int cols, Path file) throws IOException {
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, cols, rows, java.util.Arrays.copyOfRange(pixels, offset,
                offset + rows * cols));
        ImageIO.write(image, "png", file.toFile());
    }

    /** The Fashion-MNIST evaluation split in an idx folder: t10k-images-idx3-ubyte and its labels, gzipped or not. */
    public static LabeledImages idxFolder(Path folder) throws DatasetException {
        Path images = idxImages(folder, "t10k");
        return images == null ? null : new IdxReader().read(images, labelsOf(images)).renamed(images.toString());
    }

    /**
     * The training files beside the t10k files of an idx folder, as Fashion-MNIST and MNIST are distributed:
     * train-images-idx3-ubyte and its labels, gzipped or not; null when the folder has none.
     */
    public static Path idxTrainingImages(Path folder) {
        return idxImages(folder, "train");
    }

    /** Reads an idx images file found by {@link #idxTrainingImages} and its labels file. */
    public static LabeledImages idxTrainingSet(Path images) throws DatasetException {
        return new IdxReader().read(images, labelsOf(images)).renamed(images.toString());
    }

    private static Path idxImages(Path folder, String kind) {
        for (String suffix : new String[] {".gz", ""}) {
            Path images = folder.resolve(kind + "-images-idx3-ubyte" + suffix);
            if (Files.isRegularFile(images) && Files.isRegularFile(labelsOf(images))) {
                return images;
            }
        }
        return null;
    }

    private static Path labelsOf(Path images) {
        return images.resolveSibling(images.getFileName().toString().replace("-images-idx3-", "-labels-idx1-"));
    }
}
