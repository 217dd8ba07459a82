package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private String message(Path file, String labelColumn) {
        return assertThrows(DatasetException.class, () -> CsvTable.read(file, labelColumn)).getMessage();
    }

    private static final String WINE = """
            alcohol,malic_acid,ash,target
            14.23,1.71,2.43,0
            13.2,1.78,2.14,0
            12.37,0.94,1.36,1
            12.33,1.1,2.28,2
            """;

    @Test
    void aHeaderLineNamesTheColumnsAndTheTargetColumnHoldsTheLabels() throws Exception {
        CsvTable table = CsvTable.read(file("wine.csv", WINE), null);

        assertEquals(4, table.size());
        assertEquals(3, table.width());
        assertFalse(table.textLabels());
        assertEquals(List.of("class 0", "class 1", "class 2"), table.classNames());
        assertEquals("column 4 ('target')", table.labelColumn());
        LabeledImages rows = table.rows();
        assertArrayEquals(new float[] {12.37f, 0.94f, 1.36f}, rows.scaledPixels(2, 1));
        assertEquals(2, rows.label(3));
        assertEquals("1x1x3", rows.channels() + "x" + rows.rows() + "x" + rows.cols());
    }

    @Test
    void theLabelColumnMayBeAnyColumnByNameOrZeroBasedIndex() throws Exception {
        Path csv = file("t.csv", "kind,x,y\n1,0.5,7\n0,0.25,8\n");

        CsvTable byName = CsvTable.read(csv, "KIND");
        CsvTable byIndex = CsvTable.read(csv, "0");

        assertArrayEquals(new float[] {0.5f, 7f, 0.25f, 8f}, byName.rows().features());
        assertArrayEquals(byName.rows().features(), byIndex.rows().features());
        assertEquals(1, byIndex.rows().label(0));
    }

    @Test
    void withoutAHeaderTheLastColumnHoldsTheLabels() throws Exception {
        CsvTable table = CsvTable.read(file("t.csv", "1.5,2,1\n3,4.5,0\n"), null);

        assertEquals(2, table.size());
        assertArrayEquals(new float[] {1.5f, 2f, 3f, 4.5f}, table.rows().features());
        assertEquals("column 3", table.labelColumn());
    }

    @Test
    void textLabelsBecomeClassesInSortedOrderWithTheirNames() throws Exception {
        Path csv = file("iris.csv", "5.1,3.5,setosa\n6.3,3.3,virginica\n5.9,3.0,versicolor\n4.9,3.0,setosa\n");

        CsvTable table = CsvTable.read(csv, null);

        assertTrue(table.textLabels());
        assertEquals(List.of("setosa", "versicolor", "virginica"), table.classNames());
        LabeledImages rows = table.rows();
        assertArrayEquals(new int[] {0, 2, 1, 0}, new int[] {rows.label(0), rows.label(1), rows.label(2), rows.label(3)});
    }

    @Test
    void scikitLearnsFirstLineGivesTheRowCountAndClassNames() throws Exception {
        Path csv = file("wine_data.csv", "3,2,class_0,class_1\n1.5,2,0\n3,4,1\n5,6,1\n");

        CsvTable table = CsvTable.read(csv, "target");

        assertEquals(3, table.size());
        assertEquals(2, table.width());
        assertEquals(List.of("class_0", "class_1"), table.classNames());
        assertEquals("column 3 ('target')", table.labelColumn());
    }

    @Test
    void quotedFieldsMayHoldCommas() throws Exception {
        CsvTable table = CsvTable.read(file("q.csv", "\"size, cm\",kind\n\"2.5\",\"big, red\"\n1,small\n"), null);

        assertEquals(List.of("big, red", "small"), table.classNames());
        assertArrayEquals(new float[] {2.5f, 1f}, table.rows().features());
    }

    @Test
    void aMissingValueIsReportedWithItsLineAndColumn() throws Exception {
        Path csv = file("wine.csv", WINE.replace("13.2,1.78,2.14,0", "13.2,,2.14,0"));

        assertEquals(csv + ": line 3, column 2 ('malic_acid'): missing value", message(csv, null));
    }

    @Test
    void blankLinesCountInTheLineNumberAsInAnEditor() throws Exception {
        Path csv = file("wine.csv", WINE.replace("12.37,0.94,1.36,1\n", "\n\n12.37,NA,1.36,1\n"));

        assertEquals(csv + ": line 6, column 2 ('malic_acid'): missing value ('NA')", message(csv, null));
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLineAndColumn() throws Exception {
        Path csv = file("wine.csv", WINE.replace("12.33,1.1,2.28,2", "12.33,1.1,abc,2"));

        assertEquals(csv + ": line 5, column 3 ('ash'): 'abc' is not a number", message(csv, null));
    }

    @Test
    void aFirstDataRowWithAGapIsReportedNotTakenForAHeader() throws Exception {
        Path csv = file("t.csv", "1.5,?,1\n3,4.5,0\n");

        assertEquals(csv + ": line 1, column 2: missing value ('?')", message(csv, null));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() throws Exception {
        Path csv = file("wine.csv", WINE.replace("12.37,0.94,1.36,1", "12.37,0.94,1"));

        assertEquals(csv + ": line 4 has 3 fields, but the header (line 1) has 4", message(csv, null));
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreReported() throws Exception {
        Path empty = file("empty.csv", "\n  \n");
        Path header = file("header.csv", "a,b,target\n");

        assertEquals(empty + " is empty", message(empty, null));
        assertEquals(header + " has a header line but no data rows", message(header, null));
    }

    @Test
    void aLabelColumnThatDoesNotExistListsTheColumns() throws Exception {
        Path csv = file("wine.csv", WINE);
        Path bare = file("bare.csv", "1,2,0\n");

        assertEquals(csv + " has no column named 'kind'; its columns are 'alcohol', 'malic_acid', 'ash', 'target'",
                message(csv, "kind"));
        assertEquals(csv + " has no label column 4: it has 4 columns, 0-based indices 0 to 3", message(csv, "4"));
        assertEquals(bare + " has no header line naming its columns, so there is no column 'kind'; give the label"
                + " column as a 0-based index (0 to 2)", message(bare, "kind"));
    }

    @Test
    void negativeAndFractionalLabelsAreRefused() throws Exception {
        Path negative = file("n.csv", WINE.replace("12.37,0.94,1.36,1", "12.37,0.94,1.36,-1"));
        Path fraction = file("f.csv", WINE.replace("12.37,0.94,1.36,1", "12.37,0.94,1.36,1.5"));

        assertEquals(negative + ": line 4, column 4 ('target'): label -1 is negative; numeric labels are class"
                + " indices 0, 1, 2, ...", message(negative, null));
        assertEquals(fraction + ": line 4, column 4 ('target'): label 1.5 is not a whole number; numeric labels are"
                + " class indices 0, 1, 2, ...", message(fraction, null));
    }

    @Test
    void labelsMixingNumbersAndNamesAreRefused() throws Exception {
        Path csv = file("m.csv", WINE.replace("12.37,0.94,1.36,1", "12.37,0.94,1.36,red"));

        assertEquals(csv + ": line 4, column 4 ('target'): label 'red' is text, but the label on line 2 ('0') is a"
                + " number; labels are all class indices or all class names", message(csv, null));
    }

    @Test
    void labelsOutsideTheModelsClassesAreReportedWithTheirLine() throws Exception {
        Path csv = file("wine.csv", WINE);
        CsvTable table = CsvTable.read(csv, null);

        DatasetException e = assertThrows(DatasetException.class,
                () -> table.rowsFor(List.of("class 0", "class 1"), false));

        assertEquals(csv + ": line 5, column 4 ('target'): label 2 is outside the model's 2 classes (0 to 1)",
                e.getMessage());
    }

    @Test
    void textLabelsFollowTheModelsClassNamesWhenItHasThem() throws Exception {
        Path csv = file("c.csv", "x,colour\n1,white\n2,red\n3,white\n");
        CsvTable table = CsvTable.read(csv, null);

        LabeledImages rows = table.rowsFor(List.of("white", "rose", "red"), true);
        DatasetException unknown = assertThrows(DatasetException.class,
                () -> table.rowsFor(List.of("red", "rose"), true));
        DatasetException unnamed = assertThrows(DatasetException.class,
                () -> table.rowsFor(List.of("class 0", "class 1", "class 2"), false));

        assertArrayEquals(new byte[] {0, 2, 0}, rows.labels());
        assertEquals(csv + ": line 2, column 2 ('colour'): label 'white' is not one of the model's classes (red, rose)",
                unknown.getMessage());
        assertTrue(unnamed.getMessage().startsWith(csv + ": column 2 ('colour') has 2 classes (red, white), but the"
                + " model has 3"), unnamed.getMessage());
    }
}
