package org.paretowb.models.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A labelled table read from a CSV file: numeric feature columns and one label column. Labels are class
 * indices (whole numbers from 0) or class names, numbered in sorted order. Every fault is a
 * {@link DatasetException} naming the file, the line as an editor shows it, and the column by number
 * (from 1) and name: {@code wine.csv: line 17, column 4 ('ash'): 'abc' is not a number}.
 */
public final class CsvTable {
    /** Column names taken as the label column when none is given. */
    private static final List<String> LABEL_NAMES = List.of("target", "label", "class");
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final int MAX_CLASSES = 256;

    private final CsvLines lines;
    private final int labelColumn;
    private final int width;
    private final float[] features;
    private final int[] labels;
    private final boolean textLabels;
    private final List<String> classNames;

    private CsvTable(CsvLines lines, int labelColumn, float[] features, int[] labels, boolean textLabels,
                     List<String> classNames) {
        this.lines = lines;
        this.labelColumn = labelColumn;
        this.width = columnCount(lines) - 1;
        this.features = features;
        this.labels = labels;
        this.textLabels = textLabels;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * @param labelColumn the label column's name or 0-based index; null for a column named target, label or
     *     class, else the last
     */
    public static CsvTable read(Path file, String labelColumn) throws DatasetException {
        CsvLines lines = CsvLines.read(file);
        int columns = columnCount(lines);
        int label = labelIndex(lines, labelColumn);
        if (columns < 2) {
            throw new DatasetException(lines.source + " has only one column; a table needs the label and at least"
                    + " one feature column");
        }
        float[] features = new float[lines.rows.size() * (columns - 1)];
        String[] texts = new String[lines.rows.size()];
        int at = 0;
        for (int r = 0; r < lines.rows.size(); r++) {
            CsvLines.Row row = lines.rows.get(r);
            if (row.fields().size() != columns) {
                throw new DatasetException(String.format(Locale.ROOT, "%s: line %d has %d field%s, but %s has %d",
                        lines.source, row.line(), row.fields().size(), row.fields().size() == 1 ? "" : "s",
                        lines.headerLine > 0 ? "the header (line " + lines.headerLine + ")"
                                : "line " + lines.rows.get(0).line(), columns));
            }
            for (int c = 0; c < columns; c++) {
                String value = row.fields().get(c);
                if (CsvLines.isMissing(value)) {
                    throw fault(lines, row, c, value.isEmpty() ? "missing value" : "missing value ('" + value + "')");
                }
                if (c == label) {
                    texts[r] = value;
                } else if (!CsvLines.isNumber(value)) {
                    throw fault(lines, row, c, "'" + value + "' is not a number");
                } else {
                    features[at++] = Float.parseFloat(value);
                }
            }
        }
        return labelled(lines, label, features, texts);
    }

    private static CsvTable labelled(CsvLines lines, int label, float[] features, String[] texts)
            throws DatasetException {
        boolean text = !CsvLines.isNumber(texts[0]);
        for (int r = 1; r < texts.length; r++) {
            if (CsvLines.isNumber(texts[r]) == text) {
                throw fault(lines, lines.rows.get(r), label, String.format(Locale.ROOT, "label '%s' is %s, but the"
                        + " label on line %d ('%s') is %s; labels are all class indices or all class names",
                        texts[r], text ? "a number" : "text", lines.rows.get(0).line(), texts[0],
                        text ? "text" : "a number"));
            }
        }
        int[] labels = new int[texts.length];
        if (text) {
            List<String> names = new ArrayList<>(new TreeSet<>(List.of(texts)));
            if (names.size() > MAX_CLASSES) {
                throw new DatasetException(String.format(Locale.ROOT, "%s: %s has %d different labels; at most %d"
                        + " classes are supported", lines.source, column(lines, label), names.size(), MAX_CLASSES));
            }
            for (int r = 0; r < texts.length; r++) {
                labels[r] = names.indexOf(texts[r]);
            }
            return new CsvTable(lines, label, features, labels, true, names);
        }
        int largest = 0;
        for (int r = 0; r < texts.length; r++) {
            labels[r] = classIndex(lines, lines.rows.get(r), label, texts[r]);
            largest = Math.max(largest, labels[r]);
        }
        List<String> declared = lines.declaredClasses;
        if (!declared.isEmpty()) {
            for (int r = 0; r < labels.length; r++) {
                if (labels[r] >= declared.size()) {
                    throw fault(lines, lines.rows.get(r), label, String.format(Locale.ROOT, "label %d is outside the"
                            + " %d classes line %d declares (%s)", labels[r], declared.size(), lines.headerLine,
                            String.join(", ", declared)));
                }
            }
            return new CsvTable(lines, label, features, labels, false, declared);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= largest; c++) {
            names.add("class " + c);
        }
        return new CsvTable(lines, label, features, labels, false, names);
    }

    /** A numeric label: a whole number from 0 to 255 (2.0 is 2). */
    private static int classIndex(CsvLines lines, CsvLines.Row row, int column, String text) throws DatasetException {
        double value = Double.parseDouble(text);
        String rule = "; numeric labels are class indices 0, 1, 2, ...";
        if (value < 0) {
            throw fault(lines, row, column, "label " + text + " is negative" + rule);
        }
        if (value != Math.rint(value)) {
            throw fault(lines, row, column, "label " + text + " is not a whole number" + rule);
        }
        if (value >= MAX_CLASSES) {
            throw fault(lines, row, column, "label " + text + " is above " + (MAX_CLASSES - 1) + ": at most "
                    + MAX_CLASSES + " classes are supported");
        }
        return (int) value;
    }

    private static int columnCount(CsvLines lines) {
        return lines.header != null ? lines.header.size() : lines.rows.get(0).fields().size();
    }

    private static int labelIndex(CsvLines lines, String given) throws DatasetException {
        int columns = columnCount(lines);
        if (given == null) {
            for (String wanted : LABEL_NAMES) {
                int found = named(lines, wanted);
                if (found >= 0) {
                    return found;
                }
            }
            return columns - 1;
        }
        if (INDEX.matcher(given).matches()) {
            int index = Integer.parseInt(given);
            if (index >= columns) {
                throw new DatasetException(String.format(Locale.ROOT, "%s has no label column %s: it has %d columns,"
                        + " 0-based indices 0 to %d", lines.source, given, columns, columns - 1));
            }
            return index;
        }
        if (lines.header == null) {
            throw new DatasetException(String.format(Locale.ROOT, "%s has no header line naming its columns, so"
                    + " there is no column '%s'; give the label column as a 0-based index (0 to %d)", lines.source,
                    given, columns - 1));
        }
        int found = named(lines, given);
        if (found < 0) {
            throw new DatasetException(lines.source + " has no column named '" + given + "'; its columns are "
                    + columnList(lines));
        }
        return found;
    }

    /** The column with this name, exactly or else ignoring case; -1 when none. */
    private static int named(CsvLines lines, String name) {
        if (lines.header == null) {
            return -1;
        }
        int ignoringCase = -1;
        for (int c = 0; c < lines.header.size(); c++) {
            String h = lines.header.get(c);
            if (name.equals(h)) {
                return c;
            }
            if (ignoringCase < 0 && name.equalsIgnoreCase(h)) {
                ignoringCase = c;
            }
        }
        return ignoringCase;
    }

    private static String columnList(CsvLines lines) {
        List<String> named = new ArrayList<>();
        int unnamed = 0;
        for (String h : lines.header) {
            if (h == null) {
                unnamed++;
            } else {
                named.add("'" + h + "'");
            }
        }
        return unnamed == 0 ? String.join(", ", named) : unnamed + " unnamed column" + (unnamed == 1 ? "" : "s")
                + (named.isEmpty() ? "" : " and " + String.join(", ", named));
    }

    /** "column 4 ('ash')", counted from 1 as an editor does; without a name when the file gives none. */
    private static String column(CsvLines lines, int index) {
        String name = lines.header == null ? null : lines.header.get(index);
        return "column " + (index + 1) + (name == null ? "" : " ('" + name + "')");
    }

    private static DatasetException fault(CsvLines lines, CsvLines.Row row, int column, String problem) {
        return new DatasetException(lines.source + ": line " + row.line() + ", " + column(lines, column) + ": "
                + problem);
    }

    public String source() {
        return lines.source;
    }

    /** The number of data rows. */
    public int size() {
        return labels.length;
    }

    /** Feature columns: every column but the label's. */
    public int width() {
        return width;
    }

    /** Whether the labels are class names (numbered in sorted order) rather than class indices. */
    public boolean textLabels() {
        return textLabels;
    }

    /**
     * A name per class in label order: the sorted text labels, the class names scikit-learn's first line
     * declares, or "class 0" up to the largest index.
     */
    public List<String> classNames() {
        return classNames;
    }

    /** The label column as messages name it: "column 14 ('target')". */
    public String labelColumn() {
        return column(lines, labelColumn);
    }

    /** The rows with this table's own class numbering. */
    public LabeledImages rows() {
        return LabeledImages.table(Path.of(lines.source).getFileName().toString(), features.clone(),
                bytes(labels), width);
    }

    /**
     * The rows with labels numbered as a model's classes: text labels looked up among its class names when
     * {@code named} (the model names its classes), else numbered in sorted order, which needs every one of
     * the model's classes in the file; class indices must lie below the model's class count.
     */
    public LabeledImages rowsFor(List<String> modelClasses, boolean named) throws DatasetException {
        int classes = modelClasses.size();
        if (textLabels && named) {
            int[] mapped = new int[labels.length];
            for (int r = 0; r < labels.length; r++) {
                mapped[r] = modelClasses.indexOf(classNames.get(labels[r]));
                if (mapped[r] < 0) {
                    throw fault(lines, lines.rows.get(r), labelColumn, "label '" + classNames.get(labels[r])
                            + "' is not one of the model's classes (" + String.join(", ", modelClasses) + ")");
                }
            }
            return LabeledImages.table(rows().name(), features.clone(), bytes(mapped), width);
        }
        if (textLabels && classNames.size() != classes) {
            throw new DatasetException(String.format(Locale.ROOT, "%s: %s has %d classes (%s), but the model has %d;"
                    + " the model does not name its classes, so text labels are numbered in sorted order, which"
                    + " needs all of them in the file (name the model's classes to map labels by name)",
                    lines.source, labelColumn(), classNames.size(), String.join(", ", classNames), classes));
        }
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] >= classes) {
                throw fault(lines, lines.rows.get(r), labelColumn, String.format(Locale.ROOT, "label %d is outside"
                        + " the model's %d classes (0 to %d)", labels[r], classes, classes - 1));
            }
        }
        return rows();
    }

    private static byte[] bytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
