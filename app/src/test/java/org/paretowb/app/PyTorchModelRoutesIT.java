package org.paretowb.app;

import org.paretowb.app.main.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A CNN unlike the examples (5x5 convolution, average pooling, dropout), trained and exported by real PyTorch
 * with the repo's script ({@code services/src/bench/make_torch_cnn.py}, one epoch on the embedded training
 * subset), loads through both routes (ONNX and TorchScript) to PyTorch's own accuracy, and the ONNX route
 * compresses with every technique and exports back. Runs where Debian's python3-torch is installed (CI
 * installs it); skipped elsewhere.
 */
class PyTorchModelRoutesIT {
    private static final Path SCRIPT = Path.of("../services/src/bench/make_torch_cnn.py");
    private static final Path DATA = Path.of("../models/src/main/resources/org/paretowb/models/data/fashion-mnist");

    @TempDir
    static Path folder;
    private static double pytorchAccuracy;
    private static Path onnx;
    private static Path torchScript;

    @BeforeAll
    static void trainWithPyTorch() throws Exception {
        Assumptions.assumeTrue(torchInstalled(), "Debian's python3-torch is not installed");
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), "--out",
                folder.resolve("torchcnn").toString(), "--epochs", "1", "--data", DATA.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        Matcher m = Pattern.compile("pytorch accuracy on the 10,000 test images: ([0-9.]+)").matcher(output);
        assertTrue(m.find(), output);
        pytorchAccuracy = Double.parseDouble(m.group(1));
        onnx = folder.resolve("torchcnn.onnx");
        torchScript = folder.resolve("torchcnn.pt");
    }

    private static boolean torchInstalled() {
        if (!new File("/usr/bin/python3").canExecute()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void bothRoutesMatchPyTorchsAccuracy() throws Exception {
        JsonNode onnxPoint = eval(onnx.toString());
        assertEquals(pytorchAccuracy, onnxPoint.get("accuracy").asDouble(), 0.001, "ONNX route");
        assertEquals(10_000, onnxPoint.get("samples").asInt());

        String listed = run("torchscript", "--model", torchScript.toString());
        Matcher m = Pattern.compile("accuracy ([0-9.]+)% on 10,000 test images").matcher(listed);
        assertTrue(m.find(), listed);
        assertEquals(pytorchAccuracy * 100, Double.parseDouble(m.group(1)), 0.1, "TorchScript route");
        assertTrue(listed.contains("[8, 1, 5, 5]"), "the 5x5 convolution's weights are listed: " + listed);
    }

    @Test
    void theTorchScriptRouteIsPrunedAndQuantizedOnACopy() throws Exception {
        byte[] before = Files.readAllBytes(torchScript);
        JsonNode points = new ObjectMapper().readTree(run("torchscript", "--model", torchScript.toString(),
                "--prune", "0.5", "--bits", "8", "--samples", "2000", "--json")).get("points");
        assertEquals(2, points.size(), points.toString());
        JsonNode baseline = points.get(0);
        JsonNode compressed = points.get(1);
        assertEquals(0.5, compressed.get("sparsity").asDouble());
        assertEquals(8, compressed.get("bits").asInt());
        assertTrue(compressed.get("nonZeros").asLong() < baseline.get("nonZeros").asLong() * 0.6, points.toString());
        assertEquals(baseline.get("accuracy").asDouble(), compressed.get("accuracy").asDouble(), 0.03);
        assertEquals("simulated", compressed.get("kernels").asText());
        assertTrue(Arrays.equals(before, Files.readAllBytes(torchScript)), "the .pt itself is never written");
    }

    @Test
    void theOnnxRouteTakesEveryTechniqueAndExportsBack() throws Exception {
        JsonNode baseline = eval(onnx.toString());
        JsonNode pruned = eval(onnx.toString(), "--prune", "0.5");
        assertTrue(pruned.get("nonZeros").asLong() < baseline.get("nonZeros").asLong() * 0.6, pruned.toString());
        assertTrue(pruned.get("accuracy").asDouble() > baseline.get("accuracy").asDouble() - 0.05, pruned.toString());
        JsonNode int8 = eval(onnx.toString(), "--bits", "8", "--quant", "static");
        assertEquals("real", int8.get("kernels").asText());
        assertEquals(baseline.get("accuracy").asDouble(), int8.get("accuracy").asDouble(), 0.01, int8.toString());
        JsonNode lowRank = eval(onnx.toString(), "--rank", "0.5", "--rank-layers", "all");
        assertTrue(lowRank.get("parameters").asLong() < baseline.get("parameters").asLong(), lowRank.toString());

        JsonNode structured = eval(onnx.toString(), "--structured", "0.5");
        assertTrue(structured.get("macs").asLong() < baseline.get("macs").asLong() / 2, structured.toString());
        Path back = folder.resolve("structured.onnx");
        run("export", "--model", onnx.toString(), "--structured", "0.5", "--format", "onnx", "--out", back.toString());
        JsonNode reloaded = eval(back.toString());
        assertEquals(structured.get("accuracy").asDouble(), reloaded.get("accuracy").asDouble(), 1e-9);
        assertEquals(structured.get("macs").asLong(), reloaded.get("macs").asLong());
    }

    private static JsonNode eval(String model, String... recipe) throws Exception {
        String[] args = new String[4 + recipe.length];
        args[0] = "eval";
        args[1] = "--model";
        args[2] = model;
        args[3] = "--json";
        System.arraycopy(recipe, 0, args, 4, recipe.length);
        return new ObjectMapper().readTree(run(args));
    }

    /** Runs a command in this JVM; its standard output, after checking it succeeded. */
    private static String run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = cli.execute(args);
        } finally {
            System.setOut(was);
        }
        assertEquals(0, exit, String.join(" ", args) + ": " + err);
        return out.toString(StandardCharsets.UTF_8);
    }
}
