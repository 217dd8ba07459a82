package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.input.ModelSettings;

/**
 * What a measurement's inputs were, as the commands' {@code --json} prints them: the model's input shape and
 * normalisation (and whether it was assumed because the file states none), the evaluation data and how it was
 * converted, and the training data fine-tuning and calibration use (or why there is none).
 */
final class InputsJson {
    private InputsJson() {
    }

    static void put(ObjectNode o, ModelSettings settings, boolean assumed, LabeledImages evaluation,
                    TrainingData training) {
        ArrayNode shape = o.putArray("inputShape");
        shape.add(settings.channels()).add(settings.height()).add(settings.width());
        ObjectNode n = o.putObject("normalisation");
        ArrayNode mean = n.putArray("mean");
        for (float m : settings.normalisation().mean()) {
            mean.add(m);
        }
        ArrayNode std = n.putArray("std");
        for (float s : settings.normalisation().std()) {
            std.add(s);
        }
        n.put("describe", settings.normalisation().describe());
        n.put("assumed", assumed);
        ObjectNode data = o.putObject("data");
        data.put("name", evaluation.name());
        data.put("items", evaluation.size());
        data.put("shape", evaluation.shape());
        data.put("converted", evaluation.conversion());
        data.put("training", training.description());
        if (!training.available()) {
            data.put("noTraining", training.missing());
        }
    }

    /** One line for the tables: "3x32x32, normalisation pixels / 255 (assumed: the file states none)". */
    static String line(ModelSettings settings, boolean assumed, LabeledImages evaluation) {
        return settings.shape() + ", normalisation " + settings.normalisation().describe()
                + (assumed ? " (assumed: the file states none)" : "")
                + (evaluation.converted() ? "; images converted " + evaluation.conversion() : "");
    }
}
