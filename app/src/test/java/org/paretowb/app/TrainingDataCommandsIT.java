package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightCodec;

/**
 * Where the command line's training data comes from (the JSON says), and the settings an export writes, read back
 * with no flags; the example CNN, fast.
 */
class TrainingDataCommandsIT {
    private static final Path EMBEDDED = Path.of("../models/src/main/resources/org/paretowb/models/data/fashion-mnist");

    @TempDir
    Path dir;

    private Path idx(String name, boolean test, boolean train) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        if (test) {
            Files.copy(EMBEDDED.resolve("t10k-images-idx3-ubyte.gz"), folder.resolve("t10k-images-idx3-ubyte.gz"));
            Files.copy(EMBEDDED.resolve("t10k-labels-idx1-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte.gz"));
        }
        if (train) {
            Files.copy(EMBEDDED.resolve("train-12k-images-idx3-ubyte.gz"), folder.resolve("train-images-idx3-ubyte.gz"));
            Files.copy(EMBEDDED.resolve("train-12k-labels-idx1-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"));
        }
        return folder;
    }

    private static JsonNode eval(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "eval";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        Cli.Run run = Cli.run(all);
        assertEquals(0, run.exit(), run.describe(all));
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void staticInt8CalibratesOnTheTrainingDataTheCommandLineFinds() throws Exception {
        Path testOnly = idx("test-only", true, false);
        Path trainOnly = idx("train-only", false, true);
        Path both = idx("both", true, true);

        JsonNode given = eval("--data", testOnly.toString(), "--train-data", trainOnly.toString(), "--quant", "static",
                "--samples", "500");
        assertEquals(trainOnly.resolve("train-images-idx3-ubyte.gz").toString(),
                given.get("data").get("training").asText());
        assertEquals("real", given.get("kernels").asText());

        JsonNode beside = eval("--data", both.toString(), "--quant", "static", "--samples", "500");
        assertTrue(beside.get("data").get("training").asText().endsWith("(the training files beside the t10k files)"),
                beside.toString());

        JsonNode split = eval("--data", testOnly.toString(), "--eval-share", "0.5", "--quant", "static");
        assertEquals(5000, split.get("samples").asInt(), "measured on the evaluation half");
        assertTrue(split.get("data").get("training").asText().endsWith("(training split, seed 1) (5,000 images)"),
                split.toString());

        JsonNode builtIn = eval("--samples", "500");
        assertTrue(builtIn.get("data").get("training").asText().startsWith("Fashion-MNIST's training set"),
                builtIn.toString());
        assertFalse(builtIn.get("normalisation").get("assumed").asBoolean(), "an example takes pixels / 255");
        assertTrue(builtIn.get("data").get("converted").isNull(), builtIn.toString());

        JsonNode none = eval("--data", testOnly.toString(), "--samples", "500");
        assertTrue(none.get("data").get("noTraining").asText().contains("holds no training files"), none.toString());
    }

    @Test
    void anExportedPwbStatesItsSettingsAndAnOlderOneIsSaidToBeAssumed() throws Exception {
        Path old = Files.write(dir.resolve("old.pwb"), new WeightCodec().encode(new ExampleWeights().load(
                Architecture.CNN)));
        Cli.Run assumed = Cli.run("eval", "--model", old.toString(), "--samples", "300", "--json");
        assertEquals(0, assumed.exit(), assumed.err());
        assertTrue(assumed.err().contains("paretowb: " + old + " states no normalisation; assuming pixels/255 with no"
                + " mean/std"), assumed.err());

        Path exported = dir.resolve("cnn.pwb");
        Cli.Run export = Cli.run("export", "--model", "cnn", "--format", "pwb", "--out", exported.toString());
        assertEquals(0, export.exit(), export.err());
        Cli.Run stated = Cli.run("eval", "--model", exported.toString(), "--samples", "300", "--json");
        assertEquals(0, stated.exit(), stated.err());
        assertFalse(stated.err().contains("states no normalisation"), stated.err());
        JsonNode point = new ObjectMapper().readTree(stated.out());
        assertFalse(point.get("normalisation").get("assumed").asBoolean());
        assertEquals(new ObjectMapper().readTree(assumed.out()).get("accuracy").asDouble(),
                point.get("accuracy").asDouble(), 1e-9);
    }
}
