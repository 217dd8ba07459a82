package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;

/**
 * Real users' networks, graphs not chains: torchvision's ResNet-18 (residual adds, projection shortcuts),
 * MobileNetV2 (depthwise convolutions, ReLU6), SqueezeNet 1.1 (concatenations, ceil-mode pools) and
 * EfficientNet-B0 (squeeze-and-excitation, SiLU), trained and exported by PyTorch with mean/std normalisation
 * ({@link TestBed}), go through the command line as a user would: import, evaluation, export, structured pruning
 * by dependency groups, fine-tuning, static int8.
 */
class TorchvisionGraphsIT {
    @TempDir
    static Path folder;

    @BeforeAll
    static void trainTheTestBed() throws Exception {
        Assumptions.assumeTrue(TestBed.available(), "Debian's python3-torchvision is not installed");
        TestBed.networks();
    }

    @Test
    void everyNetworkImportsScoresAsInPyTorchAndExportsToAFileThatNeedsNoFlags() throws Exception {
        for (TestBed.Network n : TestBed.networks()) {
            JsonNode point = eval(n.onnx().toString(), n.normalisation());
            assertEquals(n.accuracy(), point.get("accuracy").asDouble(), 0.001, n.name() + ": PyTorch's accuracy");
            assertEquals(10_000, point.get("samples").asInt());

            Path exported = folder.resolve(n.name() + "-again.onnx");
            List<String> export = new ArrayList<>(List.of("export", "--model", n.onnx().toString(), "--format", "onnx",
                    "--out", exported.toString()));
            export.addAll(n.normalisation());
            Cli.Run wrote = Cli.run(export.toArray(String[]::new));
            assertEquals(0, wrote.exit(), wrote.describe(export.toArray(String[]::new)));
            JsonNode again = eval(exported.toString(), List.of());
            assertEquals(point.get("accuracy").asDouble(), again.get("accuracy").asDouble(), 1e-9,
                    n.name() + ": the exported file states its normalisation");
            assertEquals(point.get("macs").asLong(), again.get("macs").asLong());
        }
    }

    @Test
    void halfTheChannelsGoByDependencyGroupsAndFineTuningOnTheTrainingDataRecovers() throws Exception {
        Path training = trainingFolder(4_000);
        for (String name : List.of("resnet18", "mobilenet_v2")) {
            TestBed.Network n = TestBed.network(name);
            JsonNode baseline = eval(n.onnx().toString(), n.normalisation());
            List<String> pruning = plus(n.normalisation(), "--structured", "0.5", "--structured-scope", "global");
            JsonNode pruned = eval(n.onnx().toString(), pruning);
            assertTrue(pruned.get("macs").asDouble() <= 0.55 * baseline.get("macs").asDouble(),
                    name + ": MACs " + pruned.get("macs") + " of " + baseline.get("macs"));

            JsonNode tuned = eval(n.onnx().toString(), plus(pruning, "--finetune-epochs", "2", "--finetune-lr",
                    "0.001", "--train-data", training.toString()));
            assertTrue(tuned.get("accuracy").asDouble() > pruned.get("accuracy").asDouble(),
                    name + ": fine-tuned " + tuned.get("accuracy") + " after pruned " + pruned.get("accuracy"));
            assertTrue(tuned.get("data").get("training").asText().contains(training.toString()),
                    tuned.get("data").toString());

            Path exported = folder.resolve(name + "-half.onnx");
            List<String> export = plus(pruning, "export", "--model", n.onnx().toString(), "--format", "onnx",
                    "--out", exported.toString());
            Cli.Run wrote = Cli.run(reordered(export));
            assertEquals(0, wrote.exit(), wrote.describe(reordered(export)));
            assertEquals("", onnxChecker(exported), name + ": ONNX's full check of the pruned export");
            JsonNode reloaded = eval(exported.toString(), List.of());
            assertEquals(pruned.get("accuracy").asDouble(), reloaded.get("accuracy").asDouble(), 1e-9);
            assertEquals(pruned.get("macs").asLong(), reloaded.get("macs").asLong());
        }
    }

    @Test
    void staticInt8CalibratedOnTheNormalisedTrainingDataStaysWithinHalfAPoint() throws Exception {
        for (String name : List.of("resnet18", "mobilenet_v2")) {
            TestBed.Network n = TestBed.network(name);
            JsonNode int8 = eval(n.onnx().toString(), plus(n.normalisation(), "--quant", "static", "--int8-layers",
                    "all"));
            assertEquals(n.accuracy(), int8.get("accuracy").asDouble(), 0.005, name + ": int8 against fp32");
            assertEquals("real", int8.get("kernels").asText());
            assertTrue(int8.get("kernelsDetail").asText().startsWith("real int8 kernels in "),
                    int8.get("kernelsDetail").asText());
        }
    }

    private static JsonNode eval(String model, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("eval", "--model", model, "--json"));
        args.addAll(options);
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.describe(args.toArray(String[]::new)));
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> plus(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** The command's name first (it was appended after the options). */
    private static String[] reordered(List<String> args) {
        int at = args.indexOf("export");
        List<String> out = new ArrayList<>(args.subList(at, args.size()));
        out.addAll(args.subList(0, at));
        return out.toArray(String[]::new);
    }

    /** An idx folder of the first {@code count} training images, for fine-tuning that fits a CI run. */
    private static Path trainingFolder(int count) throws Exception {
        LabeledImages train = new FashionMnist().trainingSet().first(count);
        Path dir = Files.createDirectories(folder.resolve("train" + count));
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(images)) {
            out.writeInt(2051);
            out.writeInt(count);
            out.writeInt(28);
            out.writeInt(28);
            out.write(train.pixels());
        }
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(labels)) {
            out.writeInt(2049);
            out.writeInt(count);
            out.write(train.labels());
        }
        Files.write(dir.resolve("train-images-idx3-ubyte"), images.toByteArray());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.toByteArray());
        return dir;
    }

    /** What ONNX's own checker (full check, shapes inferred) says of a file: "" when it passes. */
    private static String onnxChecker(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import onnx, sys; "
                + "onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return p.exitValue() == 0 ? "" : output;
    }
}
