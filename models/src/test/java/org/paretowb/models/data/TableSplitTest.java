package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.Normalisation;

class TableSplitTest {
    @TempDir
    Path dir;

    /** 50 rows whose first feature is the row's number, so a split's rows can be told apart. */
    private Path numbered() throws Exception {
        StringBuilder csv = new StringBuilder("id,x,species\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(',').append(i * 0.5).append(',').append(i % 3 == 0 ? "b" : "a").append('\n');
        }
        return Files.writeString(dir.resolve("rows.csv"), csv);
    }

    private static ModelSettings model(int features, int classes) {
        return new ModelSettings(1, 1, features, Normalisation.NONE,
                java.util.stream.IntStream.range(0, classes).mapToObj(c -> "class " + c).toList());
    }

    private static Set<Float> ids(LabeledImages rows) {
        Set<Float> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ids.add(rows.features()[i * rows.pixelsPerImage()]);
        }
        return ids;
    }

    @Test
    void theSameSeedAndShareGiveTheSameRowsAndTheSplitIsDisjointAndComplete() throws Exception {
        Path csv = numbered();
        TableOptions options = new TableOptions(null, 0.2, 1);

        TableSplit first = new DataLoader(model(2, 2), options).table(csv);
        TableSplit again = TableSplit.of(CsvTable.read(csv, null).rows(), options, List.of("a", "b"));

        assertEquals(10, first.evaluation().size());
        assertEquals(40, first.training().size());
        assertArrayEquals(first.evaluation().features(), again.evaluation().features());
        assertArrayEquals(first.evaluation().labels(), again.evaluation().labels());
        assertArrayEquals(first.training().features(), again.training().features());
        Set<Float> all = ids(first.training());
        all.retainAll(ids(first.evaluation()));
        assertTrue(all.isEmpty(), "rows in both parts: " + all);
        all = ids(first.training());
        all.addAll(ids(first.evaluation()));
        assertEquals(50, all.size());
    }

    @Test
    void anotherSeedGivesOtherEvaluationRows() throws Exception {
        Path csv = numbered();

        LabeledImages one = new DataLoader(model(2, 2), new TableOptions(null, 0.2, 1)).table(csv).evaluation();
        LabeledImages two = new DataLoader(model(2, 2), new TableOptions(null, 0.2, 2)).table(csv).evaluation();

        assertFalse(ids(one).equals(ids(two)));
    }

    @Test
    void aModelWithoutClassNamesTakesTheFilesNames() throws Exception {
        TableSplit split = new DataLoader(model(2, 2), TableOptions.DEFAULT).table(numbered());

        assertEquals(List.of("a", "b"), split.classNames());
        assertTrue(split.evaluation().name().startsWith("rows.csv (evaluation split, seed 1)"),
                split.evaluation().name());
    }

    @Test
    void aTableOfOtherWidthThanTheModelsInputIsRefused() throws Exception {
        Path csv = numbered();

        String message = assertThrows(DatasetException.class,
                () -> new DataLoader(model(3, 2), TableOptions.DEFAULT).table(csv)).getMessage();

        assertEquals(csv + " has 2 feature columns (besides the label, column 3 ('species')), but the model takes 3"
                + " features", message);
    }

    @Test
    void aCsvFileLoadsAsItsEvaluationSplit() throws Exception {
        LabeledImages evaluation = new DataLoader(model(2, 2)).load(numbered(), ImageFolder.Progress.NONE);

        assertEquals(10, evaluation.size());
        assertFalse(evaluation.isImages());
        assertEquals(Arrays.toString(new int[] {1, 1, 2}), Arrays.toString(new int[] {evaluation.channels(),
                evaluation.rows(), evaluation.cols()}));
    }

    @Test
    void anEvaluationShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TableOptions(null, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TableOptions(null, 0, 1));
    }
}
