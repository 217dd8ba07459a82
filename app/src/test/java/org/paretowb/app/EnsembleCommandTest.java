package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.app.main.Main;
import org.paretowb.services.store.Workspace;
import picocli.CommandLine;

/** The ensemble command refuses what it cannot combine with one line on stderr and exit code 2, before any work. */
class EnsembleCommandTest {
    @TempDir
    Path dir;

    private String refused(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cli.execute(args), String.join(" ", args) + ": " + err);
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        return text;
    }

    private String workspace() {
        Path file = dir.resolve("w.pwws");
        Workspace.open(file).close();
        return file.toString();
    }

    @Test
    void oneOrFourPointsAreRefused() {
        String w = workspace();
        assertTrue(refused("ensemble", "--workspace", w, "--points", "3").contains("two or three point ids"));
        assertTrue(refused("ensemble", "--workspace", w, "--points", "1,2,3,4").contains("two or three point ids"));
        assertTrue(refused("ensemble", "--workspace", w, "--points", "3,3").contains("names a point twice"));
    }

    @Test
    void anUnknownCombinationOrBadWeightsAreRefused() {
        String w = workspace();
        assertTrue(refused("ensemble", "--workspace", w, "--points", "1,2", "--combine", "median")
                .contains("--combine takes logits or probs"));
        assertTrue(refused("ensemble", "--workspace", w, "--points", "1,2", "--weights", "1,2,3")
                .contains("3 weights for 2 members"));
        assertTrue(refused("ensemble", "--workspace", w, "--points", "1,2", "--weights", "1,-1")
                .contains("must be 0 or more"));
    }

    @Test
    void aMissingWorkspaceOrPointIsNamed() {
        assertTrue(refused("ensemble", "--workspace", dir.resolve("none.pwws").toString(), "--points", "1,2")
                .contains("no workspace at"));
        assertTrue(refused("ensemble", "--workspace", workspace(), "--points", "1,2").contains("no point 1"));
    }
}
