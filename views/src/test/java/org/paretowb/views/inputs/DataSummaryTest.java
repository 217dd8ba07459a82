package org.paretowb.views.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.WeightSet;

class DataSummaryTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @Test
    void countsEachClassInAllAndInBothPartsOfASplitAndPicksTheFirstImagesOfEachClass() throws Exception {
        WeightSet weights = new ExampleWeights().load(Architecture.MLP);
        ModelSettings settings = ModelSettings.of(weights.spec()).withClassNames(NAMES);
        byte[] labels = {2, 0, 2, 2, 0, 1, 2, 2, 2, 2};
        LabeledImages data = new LabeledImages("ten", new byte[10 * 784], labels, 28, 28);

        DataSummary summary = DataSummary.of(ModelInputs.of("MLP", weights, settings, data, "ten", "a test",
                new DataSplit(0.4, 3)), 3, 2, 20);

        assertEquals(List.of(2, 1, 7, 0, 0, 0, 0, 0, 0, 0), summary.classes().stream()
                .map(DataSummary.ClassRow::total).toList());
        assertEquals(4, summary.classes().stream().mapToInt(DataSummary.ClassRow::evaluation).sum());
        assertEquals(6, summary.classes().stream().mapToInt(DataSummary.ClassRow::training).sum());
        for (DataSummary.ClassRow row : summary.classes()) {
            assertEquals(row.total(), row.evaluation() + row.training(), "class " + row.name());
        }
        assertEquals("c", summary.classes().get(2).name());
        assertEquals(0.7, summary.classes().get(2).share(), 1e-12);
        assertEquals(2, summary.samples().size(), "the first two classes only");
        assertArrayEquals(new int[] {1, 4}, summary.samples().get(0).indices());
        assertArrayEquals(new int[] {5}, summary.samples().get(1).indices());
        assertTrue(summary.details().get(2).contains("4 images evaluate, 6 train"), summary.details().get(2));
    }

    @Test
    void aTableShowsItsFirstRowsInsteadOfImages() throws Exception {
        WeightSet weights = new ExampleWeights().load(Architecture.MLP);
        ModelSettings settings = ModelSettings.of(weights.spec()).withClassNames(NAMES).withShape(1, 1, 784);
        float[] features = new float[3 * 784];
        features[784] = 0.5f;
        LabeledImages rows = LabeledImages.table("rows.csv", features, new byte[] {1, 3, 1}, 784);

        DataSummary summary = DataSummary.of(new ModelInputs("MLP", weights, settings, rows, "rows.csv", "a test",
                DataSplit.NONE, rows, null, null), 3, 10, 2);

        assertTrue(summary.samples().isEmpty());
        assertEquals(2, summary.firstRows().size(), "at most the rows asked for");
        assertEquals(List.of("2", "d", "0.5000"), summary.firstRows().get(1).subList(0, 3));
        assertEquals("… 772 more", summary.columns().get(summary.columns().size() - 1));
        assertEquals(List.of(0, 2, 0, 1, 0, 0, 0, 0, 0, 0), summary.classes().stream()
                .map(DataSummary.ClassRow::total).toList());
    }
}
