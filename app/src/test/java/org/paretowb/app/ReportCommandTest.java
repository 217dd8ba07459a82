package org.paretowb.app;

import org.paretowb.app.main.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.Workspace;
import picocli.CommandLine;
import org.paretowb.services.usecase.ExampleSession;

/** The report command on a workspace holding the example CNN's baseline and a pruned point. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Measurement measured(double accuracy, long bytes, byte[] predictions) {
        return Measurement.builder().accuracy(accuracy, 1, new double[10]).latency(0.05, 0.06).sizeBytes(bytes)
                .counts(1000, 500, 5000).throughput(1000).predictions(predictions).network("net")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("test", true).latencyRuns(20, 200)
                        .throughputBatch(64).kernels("fp32", true).sizeFormat("PWB1").build())
                .build();
    }

    private Path workspace() {
        Path file = dir.resolve("w" + Workspace.EXTENSION);
        PointContext cnn = ExampleSession.context(Architecture.CNN);
        byte[] labels = ExampleSession.testSet().first(200).labels();
        byte[] wrong = labels.clone();
        for (int i = 0; i < 30; i++) {
            wrong[i] = (byte) ((wrong[i] + 1) % 10);
        }
        try (Workspace w = Workspace.open(file)) {
            w.add(cnn, Recipe.BASELINE, measured(1.0, 800_000, labels), "", Map.of("cpu", "test"));
            w.add(cnn, Recipe.builder().pruning(new PruningSettings(0.9)).build(), measured(0.85, 100_000, wrong), "",
                    Map.of("cpu", "test"));
        }
        return file;
    }

    @Test
    void anHtmlReportHasBothChartsAndWhatThePointForgot() throws Exception {
        Path file = workspace();
        Path out = dir.resolve("report.html");
        assertEquals(0, run("report", "--workspace", file.toString(), "--out", out.toString()), err.toString());
        String html = Files.readString(out);
        assertTrue(html.split("<svg", -1).length - 1 >= 2, "two charts drawn as SVG");
        assertTrue(html.contains("30 lost"), "the 30 flipped images are counted");
        assertTrue(html.contains("prune 90%"));
    }

    @Test
    void unknownPointsAndFormatsAreRefusedInOneLineAndNothingIsWritten() {
        Path file = workspace();
        Path out = dir.resolve("report.html");
        assertEquals(2, run("report", "--workspace", file.toString(), "--points", "7", "--out", out.toString()));
        assertTrue(err.toString().strip().startsWith("paretowb: no point 7 of this model in"), err.toString());
        assertFalse(Files.exists(out));
        assertEquals(2, run("report", "--workspace", file.toString(), "--out", dir.resolve("report.docx").toString()));
        assertTrue(err.toString().contains("must end in .html, .pdf, .csv or .json"), err.toString());
    }
}
