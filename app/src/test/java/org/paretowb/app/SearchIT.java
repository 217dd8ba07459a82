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
import org.paretowb.services.store.Workspace;

/**
 * A short real search on the example CNN (8 evaluations of a small space, candidates on 500 images first): the answer
 * is measured on the full test set and meets the budget, every candidate is a point of the workspace, and the same
 * command run again measures nothing and gives the same answer. A space file of an unknown version is one line, exit 2.
 */
class SearchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aShortSearchAnswersWithAFullSetPointWithinTheBudgetAndResumesFromTheWorkspace() throws Exception {
        Path space = Files.writeString(dir.resolve("space.json"), "{\"format\": \"paretowb-search-space\","
                + " \"version\": 1, \"knobs\": {\"structured\": {\"min\": 0, \"max\": 0.4}, \"prune\": {\"min\": 0,"
                + " \"max\": 0.8}, \"quant\": {\"values\": [\"fp32\", \"int8\", \"int2\"]}}}");
        Path workspace = dir.resolve("w.pwws");
        String[] args = {"search", "--model", "cnn", "--max-drop", "1.0", "--minimise", "bytes", "--budget-evals", "8",
            "--batch", "3", "--subset", "500", "--strategy", "tpe", "--seed", "3", "--space", space.toString(),
            "--workspace", workspace.toString(), "--json"};
        Cli.Run first = Cli.run(args);
        assertEquals(0, first.exit(), first.describe(args));
        JsonNode answer = JSON.readTree(first.out());
        assertEquals(10_000, answer.get("measurement").get("samples").asInt());
        assertFalse(answer.get("measurement").get("subset").asBoolean());
        assertTrue(answer.get("dropPoints").asDouble() <= 1.0, first.out());
        assertTrue(answer.get("evaluations").asInt() <= 8);
        assertTrue(answer.get("fullSetEvaluations").asInt() >= 1);
        assertEquals(0, answer.get("reused").asInt());
        assertTrue(answer.get("measurement").get("sizeBytes").asLong()
                <= answer.get("baseline").get("sizeBytes").asLong());
        int points;
        try (Workspace w = Workspace.open(workspace)) {
            points = w.points().size();
        }
        // two baselines (full set and 500 images) and every evaluation
        assertEquals(2 + answer.get("evaluations").asInt(), points);

        Cli.Run again = Cli.run(args);
        assertEquals(0, again.exit(), again.describe(args));
        JsonNode resumed = JSON.readTree(again.out());
        assertEquals(answer.get("evaluations").asInt(), resumed.get("reused").asInt());
        assertEquals(answer.get("recipe").asText(), resumed.get("recipe").asText());
        assertEquals(answer.get("point").asInt(), resumed.get("point").asInt());
        try (Workspace w = Workspace.open(workspace)) {
            assertEquals(points, w.points().size());
        }
    }

    @Test
    void aSpaceFileOfAnotherVersionIsOneLineAndExitTwo() throws Exception {
        Path space = Files.writeString(dir.resolve("v2.json"),
                "{\"format\": \"paretowb-search-space\", \"version\": 2, \"knobs\": {\"prune\": {\"values\": [0]}}}");
        Cli.Run run = Cli.run("search", "--space", space.toString());
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("search-space version 2 is not one this workbench reads"), run.err());
    }
}
