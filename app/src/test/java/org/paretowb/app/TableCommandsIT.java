package org.paretowb.app;

import org.paretowb.app.main.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.paretowb.services.usecase.ModelSource;

/** train, eval and sweep on CSV files: a model written, and bad files refused in one line before any work. */
class TableCommandsIT {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private String oneErrorLine() {
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        return text;
    }

    private static Path wine() throws Exception {
        return Path.of(TableCommandsIT.class.getResource("/org/paretowb/app/data/wine_data.csv").toURI());
    }

    /** The wine file with one field of one line replaced (line and column counted from 1). */
    private Path wineWith(int line, int column, String value) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(wine()));
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[column - 1] = value;
        lines.set(line - 1, String.join(",", fields));
        return Files.write(dir.resolve("wine.csv"), lines);
    }

    @Test
    void trainWritesAModelThatTakesRawFeaturesThroughItsStandardisationLayer() throws Exception {
        Path out = dir.resolve("wine-mlp.pwb");

        assertEquals(0, run("train", "--data", wine().toString(), "--label-column", "target", "--hidden", "8",
                "--epochs", "2", "--out", out.toString()), err.toString());

        ModelSource model = ModelSource.file(out);
        assertEquals("1x1x13 flatten bn dense8 relu dense3", model.weights().spec().describe());
    }

    @Test
    void aValueThatIsNotANumberIsOneLineNamingLineAndColumn() throws Exception {
        Path bad = wineWith(17, 4, "abc");

        assertEquals(2, run("train", "--data", bad.toString(), "--out", dir.resolve("m.pwb").toString()));
        assertEquals("paretowb: " + bad + ": line 17, column 4: 'abc' is not a number", oneErrorLine());
        assertTrue(Files.notExists(dir.resolve("m.pwb")));
    }

    @Test
    void aMissingValueIsOneLineNamingLineAndColumnOnEval() throws Exception {
        Path bad = wineWith(17, 4, "");

        assertEquals(2, run("eval", "--model", "cnn", "--data", bad.toString()));
        assertEquals("paretowb: " + bad + ": line 17, column 4: missing value", oneErrorLine());
    }

    @Test
    void labelsOutsideTheModelsClassesAreRefusedBeforeMeasuring() throws Exception {
        Path model = dir.resolve("m.pwb");
        assertEquals(0, run("train", "--data", wine().toString(), "--hidden", "4", "--epochs", "1", "--out",
                model.toString()), err.toString());
        err.getBuffer().setLength(0);
        Path bad = wineWith(40, 14, "3");
        List<String> plain = new java.util.ArrayList<>(Files.readAllLines(bad));
        plain.set(0, "alcohol,malic_acid,ash,alcalinity,magnesium,phenols,flavanoids,nonflavanoid,proanthocyanins,"
                + "colour,hue,od280,proline,target"); // a header line instead of scikit-learn's, which declares 3 classes
        Files.write(bad, plain);

        assertEquals(2, run("sweep", "--model", model.toString(), "--data", bad.toString(), "--grid", "prune=0",
                "--out", dir.resolve("points.csv").toString()));
        assertEquals("paretowb: " + bad + ": line 40, column 14 ('target'): label 3 is outside the model's 3 classes"
                + " (0 to 2)", oneErrorLine());
    }

    @Test
    void aLabelColumnThatDoesNotExistIsRefused() throws Exception {
        assertEquals(2, run("train", "--data", wine().toString(), "--label-column", "kind", "--out",
                dir.resolve("m.pwb").toString()));
        assertEquals("paretowb: " + wine() + " has no column named 'kind'; its columns are 13 unnamed columns and"
                + " 'target'", oneErrorLine());
    }
}
