package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.app.main.Main;
import picocli.CommandLine;

/**
 * Graphs the workbench cannot take, each refused by {@code eval} in one line that names the file, the node and
 * what is wrong, with exit code 2 and no stack trace.
 */
class GraphBadInputTest {
    @TempDir
    Path dir;

    private String refused(Path model) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cli.execute("eval", "--model", model.toString()), err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        return text;
    }

    private void assertRefused(BadGraphs.Case bad) {
        assertEquals("paretowb: " + bad.message(), refused(bad.file()));
    }

    @Test
    void anOperatorOutsideTheSetIsNamedWithWhatToDo() throws Exception {
        assertRefused(BadGraphs.elu(dir));
    }

    @Test
    void aReshapeThatIsNotAFlattenIsNamed() throws Exception {
        assertRefused(BadGraphs.reshape(dir));
    }

    @Test
    void aConv1dFileIsNamed() throws Exception {
        assertRefused(BadGraphs.conv1d(dir));
    }

    @Test
    void aGraphWhoseOutputDoesNotDependOnItsInputIsNamed() throws Exception {
        assertRefused(BadGraphs.constant(dir));
    }
}
