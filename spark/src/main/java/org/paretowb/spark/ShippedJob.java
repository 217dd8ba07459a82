package org.paretowb.spark;

import java.io.Serializable;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.input.Normalisation;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.sweep.SweepJob;

/**
 * A sweep job in the form Spark broadcasts to its executors: the model as the workbench serializes weights, the
 * evaluation data as its bytes (so that no executor needs a file), how many images and which engine.
 */
record ShippedJob(String runId, byte[] model, String dataName, byte[] pixels, byte[] labels, int channels, int rows,
                  int cols, float[] mean, float[] std, float[] features, String conversion, int samples,
                  String engine) implements Serializable {

    static ShippedJob of(SweepJob job) {
        LabeledImages d = job.evaluation();
        return new ShippedJob(job.runId(), new WeightCodec().encode(job.model()), d.name(), d.pixels(), d.labels(),
                d.channels(), d.rows(), d.cols(), d.normalisation().mean(), d.normalisation().std(), d.features(),
                d.conversion(), job.samples(), job.engine());
    }

    WeightSet weights() {
        try {
            return new WeightCodec().read(new java.io.ByteArrayInputStream(model), "the sweep's model");
        } catch (WeightFileException e) {
            throw new IllegalStateException("the shipped model cannot be read: " + e.getMessage(), e);
        }
    }

    LabeledImages evaluation() {
        return new LabeledImages(dataName, pixels, labels, channels, rows, cols, new Normalisation(mean, std), features,
                conversion);
    }
}
