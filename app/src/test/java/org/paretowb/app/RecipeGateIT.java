package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Recipe files end to end on the example CNN (300 test images, so that it is quick): a measured point's recipe
 * saved as a file and run again gives the same recipe and exactly the same accuracy; the accuracy gate fails
 * (exit 3, figures printed, a JUnit failure) with a budget below the measured drop and passes above it.
 */
class RecipeGateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLES = "300";

    @TempDir
    Path dir;

    private static JsonNode ran(String... args) throws Exception {
        Cli.Run run = Cli.run(args);
        assertEquals(0, run.exit(), run.describe(args));
        return JSON.readTree(run.out());
    }

    @Test
    void aPointsRecipeSavedAndRunAgainGivesTheSameRecipeAndAccuracy() throws Exception {
        Path workspace = dir.resolve("w.pwws");
        Cli.Run first = Cli.run("eval", "--model", "cnn", "--prune", "0.5", "--bits", "8", "--samples", SAMPLES,
                "--workspace", workspace.toString(), "--json");
        assertEquals(0, first.exit(), first.err());
        JsonNode measured = JSON.readTree(first.out());
        Matcher saved = Pattern.compile("saved as point (\\d+)").matcher(first.err());
        assertTrue(saved.find(), first.err());
        Path recipe = dir.resolve("r.json");
        Cli.Run export = Cli.run("export", "--workspace", workspace.toString(), "--point", saved.group(1), "--format",
                "recipe", "--out", recipe.toString());
        assertEquals(0, export.exit(), export.err());

        JsonNode again = ran("eval", "--model", "cnn", "--recipe", recipe.toString(), "--samples", SAMPLES, "--json");
        assertEquals("prune 50% (global magnitude) + int8 weights (per channel, symmetric)", again.get("recipe").asText());
        assertEquals(measured.get("recipe").asText(), again.get("recipe").asText());
        assertEquals(measured.get("accuracy").asDouble(), again.get("accuracy").asDouble(), 0.0);
        assertEquals(Integer.parseInt(SAMPLES), again.get("samples").asInt());
    }

    @Test
    void theGateFailsBelowTheDropAndPassesAboveIt() throws Exception {
        Path recipe = Files.writeString(dir.resolve("harsh.json"),
                "{\"format\": \"paretowb-recipe\", \"version\": 1, \"prune\": 0.9, \"bits\": 2}");
        JsonNode open = ran("eval", "--recipe", recipe.toString(), "--samples", SAMPLES, "--json",
                "--fail-if-drop-over", "100");
        JsonNode gate = open.get("gate");
        double drop = gate.get("dropPoints").asDouble();
        assertTrue(drop > 1, "a 90% pruned, 2-bit CNN loses more than a point: " + gate);
        assertEquals(open.get("accuracy").asDouble(), gate.get("compressedAccuracy").asDouble(), 0.0);
        assertEquals(drop, (gate.get("baselineAccuracy").asDouble() - gate.get("compressedAccuracy").asDouble()) * 100,
                1e-9);

        Path failed = dir.resolve("failed.xml");
        String below = String.format(java.util.Locale.ROOT, "%.2f", drop - 0.5);
        Cli.Run fail = Cli.run("eval", "--recipe", recipe.toString(), "--samples", SAMPLES, "--fail-if-drop-over",
                below, "--junit", failed.toString());
        assertEquals(3, fail.exit(), fail.err());
        assertTrue(fail.out().contains("gate         baseline ") && fail.out().contains("budget " + below + " points")
                && fail.out().contains("FAILED"), fail.out());
        assertTrue(fail.err().contains("paretowb: accuracy gate failed: baseline "), fail.err());
        Element suite = xml(failed).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals(1, suite.getElementsByTagName("testcase").getLength());
        assertEquals(1, suite.getElementsByTagName("failure").getLength());
        assertTrue(((Element) suite.getElementsByTagName("failure").item(0)).getAttribute("message")
                .contains("over the budget of " + below + " points"));

        Path passed = dir.resolve("passed.xml");
        String above = String.format(java.util.Locale.ROOT, "%.2f", drop + 0.5);
        Cli.Run pass = Cli.run("eval", "--recipe", recipe.toString(), "--samples", SAMPLES, "--fail-if-drop-over",
                above, "--junit", passed.toString());
        assertEquals(0, pass.exit(), pass.err());
        assertTrue(pass.out().contains("passed"), pass.out());
        Element ok = xml(passed).getDocumentElement();
        assertEquals("0", ok.getAttribute("failures"));
        assertEquals(1, ok.getElementsByTagName("testcase").getLength());
        assertEquals(0, ok.getElementsByTagName("failure").getLength());
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(f -> f.toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void aSweepOverASpaceFileMeasuresEveryCombinationOfItsGridAndRefusesABadFileInOneLine() throws Exception {
        Path space = Files.writeString(dir.resolve("space.json"), "{\"format\": \"paretowb-search-space\","
                + " \"version\": 1, \"knobs\": {\"prune\": {\"min\": 0, \"max\": 0.5, \"steps\": 3},"
                + " \"quant\": {\"values\": [\"fp32\", \"int8\"]}}}");
        Cli.Run swept = Cli.run("sweep", "--model", "cnn", "--space", space.toString(), "--samples", SAMPLES, "--json",
                "--out", dir.resolve("points.json").toString());
        assertEquals(0, swept.exit(), swept.err());
        JsonNode points = JSON.readTree(dir.resolve("points.json").toFile());
        JsonNode rows = points.isArray() ? points : points.get("points");
        assertEquals(6, rows.size(), "prune 0, 0.25, 0.5 times fp32, int8: " + points);

        Path future = Files.writeString(dir.resolve("future.json"),
                "{\"format\": \"paretowb-search-space\", \"version\": 7, \"knobs\": {}}");
        Cli.Run refused = Cli.run("sweep", "--model", "cnn", "--space", future.toString(), "--out",
                dir.resolve("none.csv").toString());
        assertEquals(2, refused.exit(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("version 7"), refused.err());
        Cli.Run both = Cli.run("sweep", "--model", "cnn", "--space", space.toString(), "--grid", "prune=0.5",
                "--out", dir.resolve("none.csv").toString());
        assertEquals(2, both.exit(), both.err());
        assertTrue(Files.notExists(dir.resolve("none.csv")), "nothing written");
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
