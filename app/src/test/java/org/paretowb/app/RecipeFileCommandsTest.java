package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.RecipeFile;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.usecase.ExampleSession;

/**
 * Recipe files on the command line, where no engine is needed: bad files and flag combinations are refused in one
 * line with exit code 2 before any work starts, and a point's recipe is exported as a file.
 */
class RecipeFileCommandsTest {
    private static final String HEADER = "{\"format\": \"paretowb-recipe\", \"version\": 1";

    @TempDir
    Path dir;

    private String refused(String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(2, run.exit(), run.describe(args));
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line on stderr: " + err);
        assertTrue(err.startsWith("paretowb: ") && !err.contains("Exception") && !err.contains("\tat "), err);
        return err;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void malformedJsonIsRefusedInOneLine() throws Exception {
        Path r = file("bad.json", HEADER + ", \"prune\": 0.5,, }");
        assertTrue(refused("eval", "--recipe", r.toString()).contains(r + ": not valid JSON at line 1"));
    }

    @Test
    void anUnknownFieldIsRefusedInOneLine() throws Exception {
        Path r = file("typo.json", HEADER + ", \"prunning\": 0.5}");
        assertTrue(refused("eval", "--recipe", r.toString()).contains(r + ": unknown field 'prunning'"));
    }

    @Test
    void aFutureVersionIsRefusedInOneLine() throws Exception {
        Path r = file("future.json", "{\"format\": \"paretowb-recipe\", \"version\": 2, \"prune\": 0.5}");
        String err = refused("eval", "--recipe", r.toString());
        assertTrue(err.contains(r + ": recipe version 2 is newer than this workbench reads (version 1)"), err);
        assertTrue(refused("export", "--recipe", r.toString(), "--out", dir.resolve("m.onnx").toString())
                .contains("recipe version 2"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path r = dir.resolve("none.json");
        assertEquals("paretowb: no recipe file at " + r, refused("eval", "--recipe", r.toString()));
    }

    @Test
    void aRecipeFileWithTechniqueFlagsIsRefused() throws Exception {
        Path r = file("r.json", HEADER + ", \"prune\": 0.5}");
        String err = refused("eval", "--recipe", r.toString(), "--bits", "8", "--structured", "0.5");
        assertTrue(err.contains("--recipe cannot be combined with technique flags (--bits, --structured)"), err);
    }

    @Test
    void aGateNeedsABudgetOfZeroOrMoreAndJunitNeedsTheGate() throws Exception {
        Path r = file("r.json", HEADER + ", \"prune\": 0.5}");
        assertTrue(refused("eval", "--recipe", r.toString(), "--fail-if-drop-over", "-1")
                .contains("--fail-if-drop-over must be a number of accuracy points of 0 or more"));
        assertTrue(refused("eval", "--recipe", r.toString(), "--junit", dir.resolve("j.xml").toString())
                .contains("--junit goes with --fail-if-drop-over"));
        assertTrue(refused("eval", "--recipe", r.toString(), "--fail-if-drop-over", "1", "--junit",
                dir.resolve("no/such/j.xml").toString()).contains("cannot write"));
    }

    @Test
    void aPointsRecipeIsExportedAsARecipeFile() throws Exception {
        Recipe recipe = Recipe.builder().pruning(new PruningSettings(0.5)).quantization(
                new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true)).build();
        Path workspace = dir.resolve("w" + Workspace.EXTENSION);
        long id;
        try (Workspace w = Workspace.open(workspace)) {
            id = w.add(ExampleSession.context(Architecture.CNN), recipe, measured(), "", Map.of("cpu", "test"))
                    .point().id();
        }
        Path out = dir.resolve("p.json");
        Cli.Run run = Cli.run("export", "--workspace", workspace.toString(), "--point", Long.toString(id), "--format",
                "recipe", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(recipe, RecipeFile.read(out));
        assertFalse(Files.readString(out).contains("null"));
        assertTrue(refused("export", "--workspace", workspace.toString(), "--point", Long.toString(id), "--format",
                "recipe", "--recipe", out.toString(), "--out", out.toString()).contains("--recipe goes with --model"));
    }

    @Test
    void theFlagsRecipeIsExportedAsARecipeFileAndReadBackTheSame() throws Exception {
        Path out = dir.resolve("flags.json");
        Cli.Run run = Cli.run("export", "--prune", "0.5", "--bits", "8", "--format", "recipe", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        Recipe fromFlags = RecipeFile.read(out);
        assertEquals("prune 50% (global magnitude) + int8 weights (per channel, symmetric)", fromFlags.summary());
        Path again = dir.resolve("again.json");
        assertEquals(0, Cli.run("export", "--recipe", out.toString(), "--format", "recipe", "--out", again.toString())
                .exit());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    private static Measurement measured() {
        return Measurement.builder().accuracy(0.9, 1, new double[10]).latency(0.05, 0.06).sizeBytes(1000)
                .counts(1000, 500, 5000).throughput(1000).predictions(new byte[] {1}).network("net")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("test", true).latencyRuns(20, 200)
                        .throughputBatch(64).kernels("fp32", true).sizeFormat("PWB1").build())
                .build();
    }
}
