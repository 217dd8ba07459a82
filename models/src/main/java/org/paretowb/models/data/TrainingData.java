package org.paretowb.models.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.paretowb.models.input.ModelSettings;

/**
 * Where fine-tuning, distillation and static int8 calibration get their images, or why there are none: the
 * training part of the evaluation data's split, the training files beside an idx folder's t10k files, a training
 * folder or file the user names, or Fashion-MNIST's training set (only with the Fashion-MNIST test set: a model
 * measured on other data is never trained on it). Nothing is read until the images are asked for; they are read
 * once, then fitted to the model ({@link DataLoader#fitted}: converted to its channels and size, labels checked,
 * normalised as it wants), so a model is never trained or calibrated on pixels it does not take.
 */
public final class TrainingData {
    /** Reads the images as they are stored (fitted to the model afterwards). */
    @FunctionalInterface
    public interface Reader {
        LabeledImages read() throws DatasetException;
    }

    /** Reads images already converted for a model (an image folder converts each image as it reads it). */
    @FunctionalInterface
    private interface ShapedReader {
        LabeledImages read(ModelSettings model) throws DatasetException;
    }

    /** The images read once (for one input shape and class count) and shared by every fitted copy. */
    private static final class Once {
        private final ShapedReader reader;
        private LabeledImages read;
        private String readFor;

        Once(ShapedReader reader) {
            this.reader = reader;
        }

        synchronized LabeledImages get(ModelSettings model) throws DatasetException {
            String key = model == null ? "" : model.shape() + "/" + model.classNames().size();
            if (read == null || !key.equals(readFor)) {
                read = reader.read(model);
                readFor = key;
            }
            return read;
        }
    }

    private final String description;
    private final String missing;
    private final Once source;
    private final ModelSettings settings;

    private TrainingData(String description, String missing, Once source, ModelSettings settings) {
        this.description = description;
        this.missing = missing;
        this.source = source;
        this.settings = settings;
    }

    /** No training data; {@code why} says why ("shoes/ is not split, and ..."). */
    public static TrainingData none(String why) {
        return new TrainingData(null, why, null, null);
    }

    /** Images already in memory (a split's training part). */
    public static TrainingData of(LabeledImages images) {
        return new TrainingData(String.format(Locale.ROOT, "%s (%,d %s)", images.name(), images.size(),
                images.isImages() ? "images" : "rows"), null, new Once(model -> images), null);
    }

    /** Images {@code reader} reads when they are first needed. */
    public static TrainingData reading(String description, Reader reader) {
        return new TrainingData(description, null, new Once(model -> reader.read()), null);
    }

    /** Fashion-MNIST's training set: all 60,000 images where Debian's package installs them, else the 12,000 built in. */
    public static TrainingData fashionMnist() {
        boolean full = Files.isReadable(FashionMnist.SYSTEM_DIR.resolve("train-images-idx3-ubyte.gz"));
        return reading(full ? "Fashion-MNIST's training set (60,000 images, " + FashionMnist.SYSTEM_DIR + ")"
                : "Fashion-MNIST's training set (the 12,000 images built in)", () -> new FashionMnist().trainingSet());
    }

    /**
     * The training files beside an idx folder's t10k files (train-images-idx3-ubyte and its labels, gzipped or
     * not), or none, saying so.
     */
    public static TrainingData besideIdx(Path folder) {
        Path images = ImageFolder.idxTrainingImages(folder);
        if (images == null) {
            return none(folder + " holds no training files (train-images-idx3-ubyte and train-labels-idx1-ubyte"
                    + " beside the t10k files)");
        }
        return reading(images + " (the training files beside the t10k files)", () -> ImageFolder.idxTrainingSet(images));
    }

    /**
     * Training data the user names: an idx folder (its train-* files, else its t10k files), a folder of class
     * sub-folders of images, or a CSV file (all its rows, its label column as {@code options} say).
     */
    public static TrainingData at(Path path, TableOptions options) throws DatasetException {
        if (!Files.exists(path)) {
            throw new DatasetException("no training data at " + path);
        }
        if (DataLoader.isTable(path)) {
            // text labels are matched to the model's class names when it names them, as for evaluation data
            return new TrainingData(path + " (all its rows)", null, new Once(model -> {
                CsvTable table = CsvTable.read(path, options.labelColumn());
                return model == null ? table.rows() : table.rowsFor(model.classNames(), !model.hasDefaultClassNames());
            }), null);
        }
        if (!Files.isDirectory(path)) {
            throw new DatasetException(path + ": give a folder (idx files, or one sub-folder of images per class) or a"
                    + " .csv file as training data");
        }
        Path train = ImageFolder.idxTrainingImages(path);
        if (train != null) {
            return reading(train.toString(), () -> ImageFolder.idxTrainingSet(train));
        }
        if (ImageFolder.idxFolder(path) != null) {
            return reading(path + " (its t10k files)", () -> ImageFolder.idxFolder(path));
        }
        if (!ImageFolder.looksLikeOne(path)) {
            throw new DatasetException(path + " holds neither idx files nor class sub-folders of images");
        }
        // an image folder is converted for the model as it is read, so it is read for the model's settings
        return new TrainingData(path + " (image folder)", null, new Once(model -> {
            if (model == null) {
                throw new IllegalStateException("an image folder is read for a model: fit the training data to one");
            }
            return new ImageFolder(model.channels(), model.height(), model.width(), model.classNames().size())
                    .read(path).renamed(path.toString());
        }), null);
    }

    public boolean available() {
        return source != null;
    }

    /** What the training data is; null when there is none. */
    public String description() {
        return description;
    }

    /** Why there is no training data; null when there is. */
    public String missing() {
        return missing;
    }

    /** The same training data, its images fitted to {@code model}'s settings when read. */
    public TrainingData fittedTo(ModelSettings model) {
        return new TrainingData(description, missing, source, model);
    }

    /** The images, read on first use and fitted to the model; an {@link IllegalStateException} when there are none. */
    public LabeledImages images() throws DatasetException {
        if (source == null) {
            throw new IllegalStateException("there is no training data: " + missing);
        }
        LabeledImages read = source.get(settings);
        return settings == null ? read : new DataLoader(settings).fitted(read);
    }
}
