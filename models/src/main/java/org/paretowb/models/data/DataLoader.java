package org.paretowb.models.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.paretowb.models.input.ModelSettings;

/**
 * Reads evaluation data for a model and checks it against the model's settings: an idx folder (the t10k
 * files, gzipped or not), an image folder (one sub-folder per class, converted to the model's channels and
 * size), normalised as the model wants, or a CSV table (its evaluation split). A message names the file and
 * what is wrong.
 */
public final class DataLoader {
    private final ModelSettings settings;
    private final TableOptions tableOptions;

    public DataLoader(ModelSettings settings) {
        this(settings, TableOptions.DEFAULT);
    }

    /** @param tableOptions how a CSV file is read and split */
    public DataLoader(ModelSettings settings, TableOptions tableOptions) {
        this.settings = settings;
        this.tableOptions = tableOptions;
    }

    /** Whether {@code path} names a CSV table rather than a folder. */
    public static boolean isTable(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    public LabeledImages load(Path path, ImageFolder.Progress progress) throws DatasetException {
        if (isTable(path)) {
            return table(path).evaluation();
        }
        if (!Files.exists(path)) {
            throw new DatasetException("no data at " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new DatasetException(path + ": give a folder (idx files, or one sub-folder of images per class)"
                    + " or a .csv file");
        }
        if (isEmpty(path)) {
            throw new DatasetException(path + " is empty: put the t10k idx files, or one sub-folder of images per"
                    + " class, in it");
        }
        LabeledImages idx = ImageFolder.idxFolder(path);
        if (idx != null) {
            return fitted(idx);
        }
        if (!ImageFolder.looksLikeOne(path)) {
            throw new DatasetException(path + " holds neither t10k idx files nor class sub-folders of images");
        }
        int classes = settings.classNames().size();
        return fitted(new ImageFolder(settings.channels(), settings.height(), settings.width(), classes)
                .read(path, progress));
    }

    /**
     * A CSV table checked against the model (one feature per input, labels within its classes; text labels
     * by the model's class names when it has them) and split by the table options. The class names are the
     * model's, or the file's when the model has only placeholders and the file names as many classes.
     */
    public TableSplit table(Path csv) throws DatasetException {
        CsvTable table = CsvTable.read(csv, tableOptions.labelColumn());
        if (settings.channels() != 1 || settings.height() != 1 || settings.width() != table.width()) {
            throw new DatasetException(String.format(Locale.ROOT, "%s has %d feature column%s (besides the label, %s),"
                    + " but the model takes %s", csv, table.width(), table.width() == 1 ? "" : "s",
                    table.labelColumn(), settings.channels() == 1 && settings.height() == 1
                            ? settings.width() + " features" : settings.shape() + " inputs"));
        }
        boolean named = !settings.hasDefaultClassNames();
        LabeledImages rows = table.rowsFor(settings.classNames(), named);
        boolean adopt = !named && table.classNames().size() == settings.classNames().size();
        return TableSplit.of(rows, tableOptions, adopt ? table.classNames() : settings.classNames());
    }

    /**
     * {@code data} fitted to the model: images converted to its channels and size ({@link ImageConversion}: grey
     * replicated to RGB, resized exactly as PyTorch's bilinear), labels checked against its classes, and normalised
     * as it wants. Images that cannot be converted (to a model that takes a row of features, or 2 or 4 channels) and
     * tables of another width are refused with a message naming the data.
     */
    public LabeledImages fitted(LabeledImages data) throws DatasetException {
        if (!data.isImages() && (data.channels() != settings.channels() || data.rows() != settings.height()
                || data.cols() != settings.width())) {
            throw new DatasetException(data.name() + ": its rows are " + data.shape() + ", but the model takes "
                    + settings.shape() + (data.channels() != settings.channels() ? " (" + channels(data.channels())
                    + " given, " + channels(settings.channels()) + " expected)" : ""));
        }
        ImageConversion.check(data, settings.channels(), settings.height(), settings.width());
        int classes = settings.classNames().size();
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) >= classes) {
                throw new DatasetException(String.format(Locale.ROOT, "%s: item %,d has label %d, outside the model's"
                        + " %d classes (0 to %d)", data.name(), i + 1, data.label(i), classes, classes - 1));
            }
        }
        LabeledImages shaped = data.isImages()
                ? ImageConversion.convert(data, settings.channels(), settings.height(), settings.width()) : data;
        return shaped.isImages() ? shaped.withNormalisation(settings.normalisation()) : shaped;
    }

    private static String channels(int c) {
        return c == 1 ? "1 channel" : c + " channels";
    }

    private static boolean isEmpty(Path folder) throws DatasetException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new DatasetException(folder + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
