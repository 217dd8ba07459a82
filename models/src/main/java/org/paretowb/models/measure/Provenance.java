package org.paretowb.models.measure;

/**
 * How a measurement was obtained, so that no figure is shown without its method.
 *
 * @param engine the engine that ran the network, for example "PyTorch 2.7.1 (DJL 0.36.0)"
 * @param threads intra-op threads of that engine for the accuracy evaluation
 * @param latencyThreads intra-op threads for the batch-1 latency runs
 * @param evaluationSet which images accuracy was computed on
 * @param subset true when accuracy comes from part of the evaluation set only
 * @param latencyWarmupRuns batch-1 runs made and discarded before timing
 * @param latencyTimedRuns batch-1 runs timed for the percentiles
 * @param throughputBatch batch size of the throughput figure
 * @param kernels which kernels ran: "fp32" here; quantized modes will say "real int8" or "simulated int8"
 * @param sizeFormat what the size figure is the length of
 * @param realKernels whether the kernels computed what the point claims (fp32, or real integer kernels);
 *                    false when quantization was simulated with quantize-dequantize in fp32 kernels
 * @param int8Layers the layers that ran on int8 kernels (empty when none did): what "where it pays" chose
 *                   when the point was measured, so that an export runs the same layers in int8
 * @param session the measuring session (one process: a window or a command) whose baseline the point's latency
 *                may be compared with; "" when not recorded (points of older versions)
 * @param machine the machine it was measured on (host name and CPU); "" when not recorded
 * @param latencyRounds rounds of batch-1 runs timed (their medians give the p50's interval); 0 when not recorded
 * @param latencyCapped whether timing stopped at its time cap before the p50's interval was within
 *                      ±{@value #LATENCY_TARGET_PERCENT}% (the interval shown is then wider than that)
 * @param otherCpuShare the share of the machine's CPU time (all cores) that other processes used while the point
 *                      was measured, 0 to 1; null when not recorded
 * @param ensembleOf the workspace ids of the points whose networks this point combines (an ensemble: their graphs
 *                   side by side on one input, then a mean); empty for a single network (and in older workspaces)
 * @param ensembleRule how an ensemble combines its members, for example "mean of logits, weights 0.50, 0.50";
 *                     "" for a single network
 * @param processSpread how far the batch-1 p50 of this model moves between processes on this machine, as a
 *                      relative 95% half-width (0.20: ±20%), measured by {@code bench processes}; null when it was
 *                      not measured (the p50's interval then covers the variation inside one process only)
 */
public record Provenance(String engine, int threads, int latencyThreads, String evaluationSet, boolean subset,
                         int latencyWarmupRuns, int latencyTimedRuns, int throughputBatch, String kernels,
                         String sizeFormat, boolean realKernels, java.util.List<String> int8Layers, String session,
                         String machine, int latencyRounds, boolean latencyCapped, Double otherCpuShare,
                         java.util.List<Integer> ensembleOf, String ensembleRule, Double processSpread) {
    /** Timing goes on until the 95% interval of the p50 is within this many percent of it (or the time cap). */
    public static final int LATENCY_TARGET_PERCENT = 5;
    /**
     * Other processes using more than this share of the machine while a point is measured mark it as measured on a
     * busy machine: a quarter of all cores (half a core on 2 cores) is beyond what an idle desktop spends.
     */
    public static final double BUSY_SHARE = 0.25;

    public Provenance {
        int8Layers = int8Layers == null ? java.util.List.of() : java.util.List.copyOf(int8Layers);
        session = session == null ? "" : session;
        machine = machine == null ? "" : machine;
        ensembleOf = ensembleOf == null ? java.util.List.of() : java.util.List.copyOf(ensembleOf);
        ensembleRule = ensembleRule == null ? "" : ensembleRule;
    }

    /** Whether the point is an ensemble of other points' networks. */
    public boolean ensemble() {
        return !ensembleOf.isEmpty();
    }

    /** "ensemble of #3 + #7 (mean of logits, ...)", or "" for a single network. */
    public String describeEnsemble() {
        if (!ensemble()) {
            return "";
        }
        return "ensemble of " + String.join(" + ", ensembleOf.stream().map(id -> "#" + id).toList())
                + (ensembleRule.isEmpty() ? "" : " (" + ensembleRule + ")");
    }

    /** Whether other processes took more than {@link #BUSY_SHARE} of the CPU while the point was measured. */
    public boolean busy() {
        return otherCpuShare != null && otherCpuShare > BUSY_SHARE;
    }

    /** Whether both were measured in one recorded session (so that their latencies may be compared). */
    public boolean sameSession(Provenance other) {
        return !session.isEmpty() && session.equals(other.session);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a provenance field by field (no layer on int8 kernels unless said). */
    public static final class Builder {
        private String engine;
        private int threads;
        private int latencyThreads;
        private String evaluationSet;
        private boolean subset;
        private int latencyWarmupRuns;
        private int latencyTimedRuns;
        private int throughputBatch;
        private String kernels;
        private String sizeFormat;
        private boolean realKernels;
        private java.util.List<String> int8Layers = java.util.List.of();
        private String session = "";
        private String machine = "";
        private int latencyRounds;
        private boolean latencyCapped;
        private Double otherCpuShare;
        private java.util.List<Integer> ensembleOf = java.util.List.of();
        private String ensembleRule = "";
        private Double processSpread;

        private Builder() {
        }

        /** The points whose networks this point's network combines, and how. */
        public Builder ensemble(java.util.List<Integer> members, String rule) {
            this.ensembleOf = members;
            this.ensembleRule = rule;
            return this;
        }

        /** The measuring session and the machine, so that points of other sessions or machines can be told. */
        public Builder session(String id, String machineName) {
            this.session = id;
            this.machine = machineName;
            return this;
        }

        /** The rounds the batch-1 runs were timed in, and whether the time cap stopped them short of the target. */
        public Builder latencyRounds(int rounds, boolean capped) {
            this.latencyRounds = rounds;
            this.latencyCapped = capped;
            return this;
        }

        /** The between-process spread of the p50 on this machine (relative 95% half-width); null: not measured. */
        public Builder processSpread(Double spread) {
            this.processSpread = spread;
            return this;
        }

        /** The share of all cores' time that other processes used during the measurement (0 to 1). */
        public Builder otherCpuShare(double share) {
            this.otherCpuShare = share;
            return this;
        }

        /** The engine and its intra-op threads for evaluation and for batch-1 latency, as they were in force. */
        public Builder engine(String description, int evaluationThreads, int batchOneThreads) {
            this.engine = description;
            this.threads = evaluationThreads;
            this.latencyThreads = batchOneThreads;
            return this;
        }

        /** Which images accuracy was computed on, and whether they are only part of the evaluation set. */
        public Builder images(String name, boolean part) {
            this.evaluationSet = name;
            this.subset = part;
            return this;
        }

        public Builder latencyRuns(int warmup, int timed) {
            this.latencyWarmupRuns = warmup;
            this.latencyTimedRuns = timed;
            return this;
        }

        public Builder throughputBatch(int batch) {
            this.throughputBatch = batch;
            return this;
        }

        /** Which kernels ran, and whether they compute what the point claims (false: quantization simulated). */
        public Builder kernels(String description, boolean real) {
            this.kernels = description;
            this.realKernels = real;
            return this;
        }

        public Builder int8Layers(java.util.List<String> layers) {
            this.int8Layers = layers;
            return this;
        }

        public Builder sizeFormat(String format) {
            this.sizeFormat = format;
            return this;
        }

        public Provenance build() {
            return new Provenance(engine, threads, latencyThreads, evaluationSet, subset, latencyWarmupRuns,
                    latencyTimedRuns, throughputBatch, kernels, sizeFormat, realKernels, int8Layers, session, machine,
                    latencyRounds, latencyCapped, otherCpuShare, ensembleOf, ensembleRule, processSpread);
        }
    }
}
