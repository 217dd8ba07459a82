package org.paretowb.models.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The trained weights of the example networks, shipped inside this module. They are made by the
 * command {@code paretowb train-example}, which writes them to {@link #sourcePath}.
 */
public final class ExampleWeights {
    private static final String RESOURCES = "/org/paretowb/models/examples/";

    private final WeightCodec codec = new WeightCodec();

    public WeightSet load(Architecture architecture) throws WeightFileException {
        String name = fileName(architecture);
        try (InputStream in = ExampleWeights.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new WeightFileException("the example weights " + name
                        + " are missing from the build: run 'paretowb train-example --model "
                        + architecture.cliName() + "'");
            }
            WeightSet weights = codec.read(in, name);
            if (!weights.spec().equals(architecture.spec())) {
                throw new WeightFileException(name + " holds weights of " + weights.spec().describe()
                        + ", not of the " + architecture.title());
            }
            return weights;
        } catch (IOException e) {
            throw new WeightFileException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static String fileName(Architecture architecture) {
        return architecture.cliName() + ".pwb";
    }

    /** Where the example weights live in a source checkout, relative to its root. */
    public static Path sourcePath(Architecture architecture) {
        return Path.of("models/src/main/resources" + RESOURCES + fileName(architecture));
    }
}
