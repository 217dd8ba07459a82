package org.paretowb.views.inputs;

import java.util.Locale;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.ModelSettings;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;

/**
 * What a window measures on: the model (title, weights, settings) and its data, whole and as split into an
 * evaluation part (measured on) and a training part (null when nothing is split off), with the context its
 * points are saved under. Making one hashes the model and the evaluation data: do it off the FX thread.
 *
 * @param dataName how people name the data ("Fashion-MNIST test set", "shoes (image folder)")
 * @param source where the data came from (a path, or what the built-in data is)
 */
public record ModelInputs(String modelTitle, WeightSet weights, ModelSettings settings, LabeledImages data,
                          String dataName, String source, DataSplit split, LabeledImages evaluation,
                          LabeledImages training, PointContext context) {

    /** {@code data} (already fitted to {@code settings}) split as {@code split} says. */
    public static ModelInputs of(String modelTitle, WeightSet weights, ModelSettings settings, LabeledImages data,
                                 String dataName, String source, DataSplit split) {
        LabeledImages evaluation = data;
        LabeledImages training = null;
        if (split.active()) {
            LabeledImages[] parts = data.split(split.evaluationShare(), split.seed());
            training = parts[0];
            evaluation = parts[1];
        }
        String title = dataName + (split.active() ? ", evaluation split (seed " + split.seed() + ")" : "")
                + String.format(Locale.ROOT, " (%,d %s)", evaluation.size(), evaluation.isImages() ? "images" : "rows");
        PointContext context = new PointContext(modelTitle, ContentHash.of(weights), title, ContentHash.of(evaluation));
        return new ModelInputs(modelTitle, weights, settings, data, dataName, source, split, evaluation, training,
                context);
    }

    /** The same model on other data (read for these settings), split as before. */
    public ModelInputs withData(LabeledImages newData, String newName, String newSource) {
        return of(modelTitle, weights, settings, newData, newName, newSource, split);
    }

    /** The same data read again for other settings (checked against the data and normalised as they say). */
    public ModelInputs withSettings(ModelSettings newSettings) throws DatasetException {
        String misfit = newSettings.misfit(weights.spec());
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
        return of(modelTitle, weights, newSettings, new DataLoader(newSettings).fitted(data), dataName, source, split);
    }

    public ModelInputs withSplit(DataSplit newSplit) {
        return of(modelTitle, weights, settings, data, dataName, source, newSplit);
    }

    /** How the points of these inputs are titled, for the window's header. */
    public String dataTitle() {
        return context.data();
    }

    public String modelHash() {
        return context.modelHash();
    }
}
