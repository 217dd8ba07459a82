package org.paretowb.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The test bed of real architectures: torchvision's resnet18, mobilenet_v2, squeezenet1_1 and efficientnet_b0,
 * trained briefly by PyTorch on Fashion-MNIST at 3x32x32 with ImageNet's mean and std and exported as ONNX by
 * {@code services/src/bench/make_torchvision.py}. The script runs once (about 7 minutes on 2 cores) into
 * {@code target/testbed}, where later test classes of the same build find it. {@code mvn verify} starts it in the
 * background while services' integration tests begin (services' pom), so that it trains while the tests of
 * services, charts and views run; the first use here waits for it through a file lock, and trains itself only if
 * that run left no summary. Where Debian's python3-torchvision is not installed, the tests that need it are skipped
 * (CI installs it).
 */
final class TestBed {
    private static final Path SCRIPT = Path.of("../services/src/bench/make_torchvision.py");
    private static final Path FOLDER = Path.of("target/testbed");
    /** Held by the training the build starts in the background (services' pom, testbed-background.sh). */
    private static final Path LOCK = Path.of("target/testbed.lock");

    /** One trained network: its ONNX file, PyTorch's accuracy on the 10,000 test images, and its normalisation. */
    record Network(String name, Path onnx, double accuracy, String mean, String std) {
        /** The command-line options that give the network's normalisation (its file states none). */
        List<String> normalisation() {
            return List.of("--mean", mean, "--std", std);
        }
    }

    private static List<Network> networks;

    private TestBed() {
    }

    static boolean available() {
        if (!new File("/usr/bin/python3").canExecute()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torchvision")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The four trained networks, made on first use. */
    static synchronized List<Network> networks() throws Exception {
        if (networks == null) {
            Path summary = FOLDER.resolve("summary.json");
            Files.createDirectories(FOLDER);
            // the build started the training in the background (services' pom): wait for it to end, then train
            // here only if it did not leave a summary (it did not run, or failed)
            try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(LOCK,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = lock.lock()) {
                trainUnlessTrained(summary);
            }
            JsonNode root = new ObjectMapper().readTree(summary.toFile());
            List<Network> read = new ArrayList<>();
            for (JsonNode n : root.get("networks")) {
                read.add(new Network(n.get("network").asText(), Path.of(n.get("onnx").asText()),
                        n.get("accuracy").asDouble(), joined(n.get("mean")), joined(n.get("std"))));
            }
            networks = List.copyOf(read);
        }
        return networks;
    }

    private static void trainUnlessTrained(Path summary) throws Exception {
        if (Files.exists(summary)) {
            return;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), "--out", FOLDER.toString(),
                "--min-accuracy", "0.5").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(40, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("make_torchvision.py failed:\n" + output);
        }
    }

    static Network network(String name) throws Exception {
        return networks().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static String joined(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false)
                .map(v -> String.format(Locale.ROOT, "%s", v.asDouble())).collect(Collectors.joining(","));
    }
}
