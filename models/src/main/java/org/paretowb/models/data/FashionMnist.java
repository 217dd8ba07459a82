package org.paretowb.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example data set. The 10k test set and a 12k training subset ship inside this module;
 * the full 60k training set is used when Debian's {@code dataset-fashion-mnist} package is installed.
 */
public final class FashionMnist {
    /** Where Debian's dataset-fashion-mnist package installs the full set. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String RESOURCES = "/org/paretowb/models/data/fashion-mnist/";

    private final IdxReader reader = new IdxReader();

    /** The 10,000-image test set: the evaluation set of the example. */
    public LabeledImages testSet() throws DatasetException {
        return embedded("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }

    /** The full training set when installed on this machine, otherwise the embedded 12k subset. */
    public LabeledImages trainingSet() throws DatasetException {
        Path images = SYSTEM_DIR.resolve("train-images-idx3-ubyte.gz");
        Path labels = SYSTEM_DIR.resolve("train-labels-idx1-ubyte.gz");
        if (Files.isReadable(images) && Files.isReadable(labels)) {
            return reader.read(images, labels);
        }
        return embeddedTrainingSubset();
    }

    /** The first 12,000 images of the training set, shipped with the workbench. */
    public LabeledImages embeddedTrainingSubset() throws DatasetException {
        return embedded("train-12k-images-idx3-ubyte.gz", "train-12k-labels-idx1-ubyte.gz");
    }

    private LabeledImages embedded(String images, String labels) throws DatasetException {
        return reader.read("fashion-mnist/" + images, resource(images), "fashion-mnist/" + labels, resource(labels));
    }

    private static byte[] resource(String name) throws DatasetException {
        try (InputStream in = FashionMnist.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new DatasetException("the embedded file fashion-mnist/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
