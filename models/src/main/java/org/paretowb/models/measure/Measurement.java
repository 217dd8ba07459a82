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
 * @param latencyP50Interval the 95% confidence interval of {@code latencyP50Ms} (see {@link ConfidenceIntervals});
 *                           null for points measured before intervals were kept
 * @param sessionBaseline the baseline's batch-1 p50 timed in the same rounds as this point, interleaved with it,
 *                        in the same session; null for the baseline itself and for points measured without it
 */
public record Measurement(double accuracy, double top5, double[] perClass, double latencyP50Ms, double latencyP95Ms, long sizeBytes,
                          long parameters, long nonZeros, long macs, double throughput, int samples,
                          String network, Provenance how, byte[] predictions, Interval latencyP50Interval,
                          Timing sessionBaseline) {

    /**
     * A batch-1 median and its 95% interval.
     *
     * @param p50Ms the median of the timed runs
     * @param p50Interval its 95% confidence interval
     */
    public record Timing(double p50Ms, Interval p50Interval) {
        public Timing {
            if (p50Interval == null) {
                throw new IllegalArgumentException("a timing needs its interval");
            }
        }
    }

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
        if (latencyP50Interval != null && !latencyP50Interval.contains(latencyP50Ms)) {
            throw new IllegalArgumentException("the p50's interval " + latencyP50Interval + " does not hold the p50 "
                    + latencyP50Ms);
        }
    }

    /**
     * The 95% interval of the top-1 accuracy: the Wilson interval when it comes from part of the evaluation set,
     * none (the figure itself) when it was counted on all of it, where it is exact for that set.
     */
    public Interval accuracyInterval() {
        return shareInterval(accuracy);
    }

    /** The 95% interval of the top-5 accuracy, as {@link #accuracyInterval()} is of the top-1. */
    public Interval top5Interval() {
        return shareInterval(top5);
    }

    private Interval shareInterval(double share) {
        if (how == null || !how.subset()) {
            return Interval.exactly(share);
        }
        return ConfidenceIntervals.wilson(Math.round(share * samples), samples);
    }

    /**
     * The p50's 95% interval as a statement about this model on this machine, for a figure read beside one measured in
     * another process: the interval of the rounds widened by the machine's between-process spread
     * ({@link Provenance#processSpread}). Null when either is missing.
     */
    public Interval latencyP50IntervalAcrossProcesses() {
        if (latencyP50Interval == null || how == null || how.processSpread() == null) {
            return null;
        }
        return latencyP50Interval.widenedBy(latencyP50Ms, how.processSpread());
    }

    /** Whether the p50 was measured with its interval (points of older versions were not). */
    public boolean hasLatencyInterval() {
        return latencyP50Interval != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a measurement field by field; {@link #build()} validates as the record does. */
    public static final class Builder {
        private double accuracy;
        private double top5;
        private double[] perClass = new double[0];
        private double latencyP50Ms;
        private double latencyP95Ms;
        private long sizeBytes;
        private long parameters;
        private long nonZeros;
        private long macs;
        private double throughput;
        private int samples;
        private String network = "";
        private Provenance how;
        private byte[] predictions;
        private Interval latencyP50Interval;
        private Timing sessionBaseline;

        private Builder() {
        }

        /** Top-1, top-5 and per-class accuracy, as an evaluation gives them. */
        public Builder accuracy(double top1, double top5, double[] perClass) {
            this.accuracy = top1;
            this.top5 = top5;
            this.perClass = perClass;
            return this;
        }

        public Builder latency(double p50Ms, double p95Ms) {
            this.latencyP50Ms = p50Ms;
            this.latencyP95Ms = p95Ms;
            return this;
        }

        /** The batch-1 p50 and p95 with the 95% interval of the p50. */
        public Builder latency(double p50Ms, double p95Ms, Interval p50Interval) {
            latency(p50Ms, p95Ms);
            this.latencyP50Interval = p50Interval;
            return this;
        }

        /** The session's baseline timed interleaved with this point (null: not timed with it). */
        public Builder sessionBaseline(Timing baseline) {
            this.sessionBaseline = baseline;
            return this;
        }

        public Builder sizeBytes(long bytes) {
            this.sizeBytes = bytes;
            return this;
        }

        /** Parameters, those not zero, and multiply-accumulates per sample. */
        public Builder counts(long parameterCount, long nonZeroCount, long macCount) {
            this.parameters = parameterCount;
            this.nonZeros = nonZeroCount;
            this.macs = macCount;
            return this;
        }

        public Builder throughput(double imagesPerSecond) {
            this.throughput = imagesPerSecond;
            return this;
        }

        /** The predicted class of each image evaluated (their number is the samples). */
        public Builder predictions(byte[] predicted) {
            this.predictions = predicted;
            this.samples = predicted.length;
            return this;
        }

        public Builder network(String description) {
            this.network = description;
            return this;
        }

        public Builder how(Provenance provenance) {
            this.how = provenance;
            return this;
        }

        public Measurement build() {
            if (predictions == null) {
                throw new IllegalArgumentException("a measurement needs the predictions of its samples");
            }
            return new Measurement(accuracy, top5, perClass, latencyP50Ms, latencyP95Ms, sizeBytes, parameters,
                    nonZeros, macs, throughput, samples, network, how, predictions, latencyP50Interval, sessionBaseline);
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
