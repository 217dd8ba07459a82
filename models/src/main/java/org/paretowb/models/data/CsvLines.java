package org.paretowb.models.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The non-blank lines of a CSV file split into fields, each with its line number as an editor shows it, and
 * the file's column names: from a header line (found when the first line is text where the second has
 * numbers), from scikit-learn's first line ({@code n_samples,n_features,class names...}, the format Debian's
 * python3-sklearn ships its data sets in: the columns are then unnamed features and {@code target}), or none.
 */
final class CsvLines {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Set<String> MISSING = Set.of("", "na", "nan", "n/a", "null", "none", "?");

    /** One line of data: its 1-based line number and its fields, trimmed. */
    record Row(int line, List<String> fields) {
    }

    final String source;
    /** Column names (null for an unnamed column), or null when the file names none. */
    final List<String> header;
    /** The line the column names come from; 0 when none. */
    final int headerLine;
    /** The class names scikit-learn's first line declares; empty otherwise. */
    final List<String> declaredClasses;
    final List<Row> rows;

    private CsvLines(String source, List<String> header, int headerLine, List<String> declaredClasses,
                     List<Row> rows) {
        this.source = source;
        this.header = header;
        this.headerLine = headerLine;
        this.declaredClasses = declaredClasses;
        this.rows = rows;
    }

    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    /** An empty field or a common marker of a missing value (NA, NaN, ?, ...). */
    static boolean isMissing(String text) {
        return MISSING.contains(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isText(String text) {
        return !isNumber(text) && !isMissing(text);
    }

    static CsvLines read(Path file) throws DatasetException {
        String source = file.toString();
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetException("no data at " + source);
        } catch (CharacterCodingException e) {
            throw new DatasetException(source + " is not UTF-8 text");
        } catch (IOException e) {
            throw new DatasetException(source + " cannot be read: " + e.getMessage(), e);
        }
        List<Row> all = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = i == 0 && text.get(0).startsWith("\uFEFF") ? text.get(0).substring(1) : text.get(i);
            if (!line.isBlank()) {
                all.add(new Row(i + 1, split(line, source + ": line " + (i + 1))));
            }
        }
        if (all.isEmpty()) {
            throw new DatasetException(source + " is empty");
        }
        Row first = all.get(0);
        Row second = all.size() > 1 ? all.get(1) : null;
        if (isScikitLearnHeader(first, second)) {
            return scikitLearn(source, first, all.subList(1, all.size()));
        }
        if (!isHeader(first, second)) {
            return new CsvLines(source, null, 0, List.of(), all);
        }
        List<String> names = new ArrayList<>();
        first.fields().forEach(name -> names.add(name.isEmpty() ? null : name));
        if (second == null) {
            throw new DatasetException(source + " has a header line but no data rows");
        }
        return new CsvLines(source, Collections.unmodifiableList(names), first.line(), List.of(),
                all.subList(1, all.size()));
    }

    /**
     * Text where the next line has a number, or text in every field: a line of column names. A missing-value
     * marker is not text, so a first data row with a gap is reported as a gap rather than taken for names.
     */
    private static boolean isHeader(Row first, Row second) {
        List<String> a = first.fields();
        if (a.stream().allMatch(CsvLines::isText)) {
            return true;
        }
        if (second == null) {
            return false;
        }
        List<String> b = second.fields();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (isText(a.get(i)) && isNumber(b.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 178,13,class_0,class_1,class_2} followed by rows of 13 features and a label. */
    private static boolean isScikitLearnHeader(Row first, Row second) {
        List<String> f = first.fields();
        if (second == null || f.size() < 3 || !COUNT.matcher(f.get(0)).matches()
                || !COUNT.matcher(f.get(1)).matches()) {
            return false;
        }
        for (String name : f.subList(2, f.size())) {
            if (name.isEmpty() || isNumber(name)) {
                return false;
            }
        }
        try {
            return second.fields().size() == Integer.parseInt(f.get(1)) + 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static CsvLines scikitLearn(String source, Row first, List<Row> rows) throws DatasetException {
        int samples = Integer.parseInt(first.fields().get(0));
        int features = Integer.parseInt(first.fields().get(1));
        if (samples != rows.size()) {
            throw new DatasetException(String.format("%s: line %d says %d rows (scikit-learn's header: rows, features,"
                    + " class names), but the file has %d", source, first.line(), samples, rows.size()));
        }
        List<String> names = new ArrayList<>(Collections.nCopies(features, (String) null));
        names.add("target");
        return new CsvLines(source, Collections.unmodifiableList(names), first.line(),
                List.copyOf(first.fields().subList(2, first.fields().size())), rows);
    }

    /** Fields separated by commas; a field may be quoted ("a, b"), with "" for a quote inside it. */
    static List<String> split(String line, String where) throws DatasetException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DatasetException(where + ": a quoted field is not closed (a field cannot span lines)");
        }
        fields.add(field.toString().trim());
        return List.copyOf(fields);
    }
}
