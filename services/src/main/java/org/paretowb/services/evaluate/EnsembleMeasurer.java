package org.paretowb.services.evaluate;

import java.util.List;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Accuracy;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.monitor.OtherProcesses;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;

/**
 * Measures an ensemble's joint ONNX graph (see {@code EnsembleGraph}) on ONNX Runtime as it runs: accuracy on the
 * given images, batch-1 latency and throughput with the members run one after the other (a sequential session, as
 * every point is measured), and the same latency and a full evaluation's time with the members run at once (ONNX
 * Runtime's parallel execution mode, one inter-op thread per core, one intra-op thread each) beside the sequential
 * session's evaluation on every core. The point's size is the joint file's length.
 */
public final class EnsembleMeasurer {
    /** What the joint file's length counts, as recorded with the point. */
    public static final String SIZE_FORMAT = "ONNX file of the joint graph (each member as its point exports it)";

    private final OrtRuntime runtime;
    private final Evaluator evaluator = new Evaluator(250);
    private final LatencyProbe latency = new LatencyProbe(20, 200);
    private final ThroughputProbe throughput = new ThroughputProbe(64, 2, 10);
    private final int cores = Runtime.getRuntime().availableProcessors();

    public EnsembleMeasurer(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    /** The members' sums that a joint graph cannot count by itself. */
    public record Counts(long parameters, long nonZeros, long macs, String network, String kernels) {
    }

    /**
     * Sequential against parallel execution of the members.
     *
     * @param sequentialP50Ms batch-1 p50, members one after the other, 1 intra-op thread
     * @param parallelP50Ms batch-1 p50, members at once ({@code interOpThreads} inter-op threads, 1 intra-op each)
     * @param sequentialEvalMs evaluation of the images, sequential session with one intra-op thread per core
     * @param parallelEvalMs the same evaluation in the parallel session
     */
    public record Modes(double sequentialP50Ms, double parallelP50Ms, double sequentialEvalMs, double parallelEvalMs,
                        int interOpThreads) {
    }

    /** The point and its execution modes. */
    public record Result(Measurement measurement, Modes modes) {
    }

    public Result measure(byte[] joint, NetworkSpec inputSpec, LabeledImages images, boolean subset,
                          List<Integer> members, String rule, Counts counts, CancelToken cancel) {
        OtherProcesses others = new OtherProcesses();
        OtherProcesses.Mark start = others.mark();
        Accuracy accuracy;
        double imagesPerSecond;
        String engine;
        double sequentialEval;
        try (OnnxNetwork network = runtime.load(joint, inputSpec, cores)) {
            engine = network.engine();
            accuracy = evaluator.evaluate(network, images, cancel);
            imagesPerSecond = throughput.imagesPerSecond(network, images, cancel);
            sequentialEval = evaluationMillis(network, images, cancel);
        }
        LatencyProbe.Timed timed;
        try (OnnxNetwork network = runtime.load(joint, inputSpec, 1)) {
            timed = latency.time(network, images, cancel);
        }
        double parallelP50;
        double parallelEval;
        try (OnnxNetwork parallel = runtime.loadParallel(joint, inputSpec, 1, cores)) {
            parallelP50 = latency.time(parallel, images, cancel).point().p50Ms();
            parallelEval = evaluationMillis(parallel, images, cancel);
        }
        SessionInfo session = SessionInfo.current();
        Provenance how = Provenance.builder()
                .engine(engine, cores, latency.threads())
                .images(images.name(), subset)
                .latencyRuns(latency.warmup(), timed.point().runs())
                .latencyRounds(timed.rounds(), timed.capped())
                .throughputBatch(throughput.batch())
                .kernels(counts.kernels(), true)
                .sizeFormat(SIZE_FORMAT)
                .session(session.id(), session.machine())
                .otherCpuShare(others.shareSince(start))
                .ensemble(members, rule)
                .build();
        LatencyProbe.Timing t = timed.point();
        Measurement measurement = Measurement.builder()
                .accuracy(accuracy.top1(), accuracy.top5(), accuracy.perClass())
                .latency(t.p50Ms(), t.p95Ms(), t.p50Interval())
                .sizeBytes(joint.length)
                .counts(counts.parameters(), counts.nonZeros(), counts.macs())
                .throughput(imagesPerSecond)
                .predictions(accuracy.predictions())
                .network(counts.network())
                .how(how)
                .build();
        return new Result(measurement, new Modes(t.p50Ms(), parallelP50, sequentialEval, parallelEval, cores));
    }

    /** The best of three timed evaluations after one discarded (a new session's first batches are slower). */
    private double evaluationMillis(InferenceNetwork network, LabeledImages images, CancelToken cancel) {
        evaluator.accuracy(network, images.first(Math.min(500, images.size())), cancel);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long begin = System.nanoTime();
            evaluator.accuracy(network, images, cancel);
            best = Math.min(best, (System.nanoTime() - begin) / 1e6);
        }
        return best;
    }
}
