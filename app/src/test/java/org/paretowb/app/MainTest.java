package org.paretowb.app;

import org.paretowb.app.main.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private String oneErrorLine() {
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        return text;
    }

    @Test
    void sparsityOfOneOrMoreIsRefusedInOneLine() {
        assertEquals(2, run("eval", "--prune", "1.5"));
        assertTrue(oneErrorLine().startsWith("paretowb: --prune: pruning sparsity must be at least 0 and below 1"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void unknownModelNamesTheChoices() {
        assertEquals(2, run("eval", "--model", "resnet"));
        assertTrue(oneErrorLine().contains("unknown model 'resnet': choose one of mlp, cnn"), err.toString());
    }

    @Test
    void unknownOptionPointsToHelp() {
        assertEquals(2, run("eval", "--prnue", "0.5"));
        assertTrue(oneErrorLine().contains("Unknown options: '--prnue'"), err.toString());
        assertTrue(err.toString().contains("see 'paretowb eval --help'"), err.toString());
    }

    @Test
    void notANumberIsRefused() {
        assertEquals(2, run("eval", "--prune", "half"));
        assertTrue(oneErrorLine().contains("'half' is not a double"), err.toString());
    }

    @Test
    void torchscriptRefusesASparsityOfOneAmongSeveralInOneLine() {
        assertEquals(2, run("torchscript", "--model", "model.pt", "--prune", "0.5,1"));
        assertTrue(oneErrorLine().startsWith("paretowb: --prune: pruning sparsity must be at least 0 and below 1"),
                err.toString());
    }

    @Test
    void torchscriptRefusesWeightBitsItCannotQuantizeTo() {
        assertEquals(2, run("torchscript", "--model", "model.pt", "--bits", "32,3"));
        assertEquals("paretowb: --bits (32 keeps fp32): quantization bits must be 8, 4 or 2, got 3", oneErrorLine());
    }

    @Test
    void negativeSampleCountIsRefused() {
        assertEquals(2, run("eval", "--samples", "-3"));
        assertEquals("paretowb: --samples must be 0 (all) or a positive count, got -3", oneErrorLine());
    }

    @Test
    void aFileThatIsNotAWorkspaceIsRefusedInOneLineAndKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path notes = dir.resolve("notes.pwws");
        java.nio.file.Files.writeString(notes, "my notes");
        assertEquals(2, run("points", "--workspace", notes.toString()));
        assertTrue(oneErrorLine().endsWith("is not a workspace (not an SQLite file); nothing was changed"), err.toString());
        assertEquals("my notes", java.nio.file.Files.readString(notes));
    }

    @Test
    void aWorkspaceInAMissingFolderIsRefusedBeforeAnyWork() {
        assertEquals(2, run("eval", "--workspace", "/no/such/folder/w.pwws"));
        assertTrue(oneErrorLine().contains("folder /no/such/folder does not exist"), err.toString());
    }

    @Test
    void aSweepNeedsSomewhereToPutItsPoints() {
        assertEquals(2, run("sweep", "--grid", "prune=0,0.5"));
        assertEquals("paretowb: say where the points go: --out FILE, --workspace FILE or both", oneErrorLine());
    }
}
