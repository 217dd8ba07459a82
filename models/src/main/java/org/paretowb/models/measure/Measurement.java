package org.paretowb.models.measure;

/**
 * The measured figures of one network on this machine.
 *
 * @param accuracy top-1 accuracy over {@code samples} images, in [0, 1]
 * @param top5 share of images whose label is among the five highest logits
 * @param perClass top-1 accuracy of each class's images, by class index
 * @param latencyP50Ms median batch-1 inference time
 * @param latencyP95Ms 95th percentile batch-1 inference time
 * @param sizeBytes length of the serialized artifact written for this network
 * @param parameters parameter count
 * @param nonZeros parameters that are not zero
 * @param macs multiply-accumulates per sample, counted from the layer shapes
 * @param throughput images per second at the provenance's throughput batch size
 * @param samples images the accuracy was computed on
 * @param network the measured network's description (see NetworkSpec#describe)
 * @param how how the figures were obtained
 * @param predictions the predicted class of each of the {@code samples} images, in evaluation order (the
 *                    evaluation set's first images), so that two points can be compared image by image
 */
public record Measurement(double accuracy, double top5, double[] perClass, double latencyP50Ms, double latencyP95Ms, long sizeBytes,
                          long parameters, long nonZeros, long macs, double throughput, int samples,
                          String network, Provenance how, byte[] predictions) {

    public Measurement {
        if (accuracy < 0 || accuracy > 1) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        if (top5 < accuracy || top5 > 1) {
            throw new IllegalArgumentException("top-5 accuracy must be in [top-1, 1], got " + top5);
        }
        perClass = perClass.clone();
        if (samples <= 0) {
            throw new IllegalArgumentException("a measurement needs at least one sample");
        }
        predictions = predictions.clone();
        if (predictions.length != samples) {
            throw new IllegalArgumentException("one prediction per sample: " + predictions.length + " for " + samples);
        }
    }

    @Override
    public double[] perClass() {
        return perClass.clone();
    }

    @Override
    public byte[] predictions() {
        return predictions.clone();
    }
}
