package org.paretowb.views.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.input.ModelSettings;

/**
 * What the Data tab shows of the inputs: where they came from and their shape, the inputs per class (whole,
 * evaluation part, training part), the first few images of each class, or the first rows of a table.
 */
public record DataSummary(List<String> details, List<ClassRow> classes, List<Samples> samples,
                          List<String> columns, List<List<String>> firstRows) {

    /** One class: its index and name, and how many inputs it has in all, for evaluation and for training. */
    public record ClassRow(int index, String name, int total, int evaluation, int training, double share) {
    }

    /** The first inputs of one class (indices into the whole data). */
    public record Samples(int classIndex, String name, int[] indices) {
    }

    /** How many feature columns of a table are shown. */
    static final int SHOWN_FEATURES = 12;

    public static DataSummary of(ModelInputs in, int perClass, int maxClasses, int maxRows) {
        LabeledImages data = in.data();
        ModelSettings settings = in.settings();
        int classes = settings.classNames().size();
        int[] total = data.countsPerClass(classes);
        int[] evaluation = in.evaluation().countsPerClass(total.length);
        int[] training = in.training() == null ? new int[total.length] : in.training().countsPerClass(total.length);
        List<ClassRow> rows = new ArrayList<>();
        for (int c = 0; c < total.length; c++) {
            rows.add(new ClassRow(c, settings.className(c), total[c], evaluation[c], training[c],
                    data.size() == 0 ? 0 : total[c] / (double) data.size()));
        }
        List<Samples> samples = data.isImages() ? samples(data, settings, Math.min(maxClasses, total.length), perClass)
                : List.of();
        List<String> columns = data.isImages() ? List.of() : columns(data.cols());
        List<List<String>> firstRows = data.isImages() ? List.of() : firstRows(data, settings, maxRows);
        return new DataSummary(details(in), rows, samples, columns, firstRows);
    }

    private static List<String> details(ModelInputs in) {
        LabeledImages data = in.data();
        String unit = data.isImages() ? "images" : "rows";
        List<String> lines = new ArrayList<>();
        lines.add("From " + in.source());
        lines.add(data.isImages()
                ? String.format(Locale.ROOT, "%,d images of %s (channels x height x width)%s; normalisation: %s%s",
                        data.size(), in.settings().shape(), data.converted() ? ", converted " + data.conversion()
                                + " as read" : "", data.normalisation().describe(), in.normalisationAssumed()
                                ? " (assumed: the model file states none; Model › Input settings… to give it)" : "")
                : String.format(Locale.ROOT, "%,d rows of %,d features, used as they are", data.size(), data.cols()));
        lines.add(in.split().active()
                ? String.format(Locale.ROOT, "Split: %s. %,d %s evaluate, %,d train (fine-tuning, distillation,"
                        + " calibration)", in.split().describe(), in.evaluation().size(), unit, in.training().size())
                : "Split: " + in.split().describe() + ".");
        org.paretowb.models.data.TrainingData training = in.trainingData();
        lines.add(training.available() ? "Fine-tuning, distillation and static int8 calibration use "
                + training.description() + (data.isImages() ? ", read for the model's input as the evaluation data"
                : "") : "Fine-tuning, distillation and static int8 calibration are off: " + training.missing() + ".");
        lines.add(String.format(Locale.ROOT, "%d classes, named by the model's input settings (Model › Input"
                + " settings…)", in.settings().classNames().size()));
        return lines;
    }

    private static List<Samples> samples(LabeledImages data, ModelSettings settings, int classes, int perClass) {
        int[][] found = new int[classes][perClass];
        int[] count = new int[classes];
        int complete = 0;
        for (int i = 0; i < data.size() && complete < classes; i++) {
            int label = data.label(i);
            if (label < classes && count[label] < perClass) {
                found[label][count[label]++] = i;
                if (count[label] == perClass) {
                    complete++;
                }
            }
        }
        List<Samples> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(new Samples(c, settings.className(c), java.util.Arrays.copyOf(found[c], count[c])));
        }
        return out;
    }

    private static List<String> columns(int features) {
        List<String> out = new ArrayList<>(List.of("#", "class"));
        for (int f = 0; f < Math.min(features, SHOWN_FEATURES); f++) {
            out.add("x" + f);
        }
        if (features > SHOWN_FEATURES) {
            out.add("… " + (features - SHOWN_FEATURES) + " more");
        }
        return out;
    }

    private static List<List<String>> firstRows(LabeledImages data, ModelSettings settings, int maxRows) {
        int shown = Math.min(data.size(), maxRows);
        float[] values = data.scaledPixels(0, shown);
        int width = data.cols();
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < shown; r++) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(r + 1), settings.className(data.label(r))));
            for (int f = 0; f < Math.min(width, SHOWN_FEATURES); f++) {
                row.add(String.format(Locale.ROOT, "%.4g", values[r * width + f]));
            }
            if (width > SHOWN_FEATURES) {
                row.add("");
            }
            out.add(row);
        }
        return out;
    }
}
