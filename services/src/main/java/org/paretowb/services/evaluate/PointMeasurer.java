package org.paretowb.services.evaluate;

import java.util.List;
import java.util.Optional;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Accuracy;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.measure.SensitivityCurve;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.ProcessSpreads;
import org.paretowb.services.train.EpochListener;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.monitor.OtherProcesses;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Makes one point: applies a recipe to a copy of the loaded model's weights, loads the result into the
 * engine, and measures accuracy, batch-1 latency and serialized size. Call it on the compute lane.
 */
public final class PointMeasurer {
    private final MeasuringEngine engine;
    private final WeightSet original;
    private final LabeledImages evaluationSet;
    private final boolean subset;
    private final RecipeApplier applier;
    private final ThroughputProbe throughput;
    private final Evaluator evaluator;
    private final LatencyProbe latency;
    private final SizeProbe size = new SizeProbe();
    private final SessionInfo session = SessionInfo.current();
    private final OtherProcesses otherProcesses = new OtherProcesses();
    private final ProcessSpreads spreads = ProcessSpreads.forUser();
    private final Object lazy = new Object();
    private ScaledInputs scaled; // the evaluation set converted once, made on first use (under lazy)
    private MeasuringEngine.Loadable baseline; // the original, ready to load for interleaved timing (under lazy)
    private volatile PointTimes lastTimes = new PointTimes();
    private PointTimes times = new PointTimes(); // of the point being measured (on the compute lane)

    /** @param subset whether {@code evaluationSet} is only part of the evaluation set (said with every figure) */
    public PointMeasurer(MeasuringEngine engine, WeightSet original, LabeledImages evaluationSet, boolean subset,
                         RecipeApplier applier, Evaluator evaluator, LatencyProbe latency,
                         ThroughputProbe throughput) {
        this.applier = applier;
        this.engine = engine;
        this.original = original;
        this.evaluationSet = evaluationSet;
        this.subset = subset;
        this.evaluator = evaluator;
        this.latency = latency;
        this.throughput = throughput;
    }

    /** Measuring on DJL's PyTorch engine. */
    public PointMeasurer(PyTorchRuntime runtime, WeightSet original, LabeledImages evaluationSet, boolean subset,
                         RecipeApplier applier, Evaluator evaluator, LatencyProbe latency,
                         ThroughputProbe throughput) {
        this(new PyTorchMeasuringEngine(runtime), original, evaluationSet, subset, applier, evaluator, latency,
                throughput);
    }

    /** The default settings on PyTorch: batches of 250, 20 warm-up and 200 timed batch-1 runs, 10 batches of 64. */
    public PointMeasurer(PyTorchRuntime runtime, WeightSet original, LabeledImages evaluationSet) {
        this(runtime, original, evaluationSet, false, new RecipeApplier(), new Evaluator(250), new LatencyProbe(20, 200),
                new ThroughputProbe(64, 2, 10));
    }

    /**
     * A measurer of the same model, images, recipe applier and probes on another engine (for example DJL's
     * PyTorch beside ONNX Runtime), so that the two engines' figures of one recipe differ only by the engine.
     */
    public PointMeasurer on(MeasuringEngine other) {
        PointMeasurer made = new PointMeasurer(other, original, evaluationSet, subset, applier, evaluator, latency,
                throughput);
        synchronized (lazy) {
            made.scaled = scaled;
        }
        return made;
    }

    /**
     * This measurer with its batch-1 timing in blocks of fresh sessions ({@link LatencyProbe#inBlocks}): for a
     * command that measures a point once per process, whose interval must cover the variation between processes.
     */
    public PointMeasurer timedInBlocks() {
        PointMeasurer made = new PointMeasurer(engine, original, evaluationSet, subset, applier, evaluator,
                latency.inBlocks(), throughput);
        synchronized (lazy) {
            made.scaled = scaled;
        }
        return made;
    }

    /** The session its points are measured in (their latency is compared with this session's baseline). */
    public SessionInfo session() {
        return session;
    }

    public WeightSet original() {
        return original;
    }

    public LabeledImages evaluationSet() {
        return evaluationSet;
    }

    /** The weights a recipe produces from the original (a copy; the original is never changed). */
    public WeightSet apply(Recipe recipe, CancelToken cancel) {
        return applier.apply(original, recipe, cancel);
    }

    /**
     * Measures the original model once in full (evaluation, batch-1 latency, throughput) and then runs
     * rounds of {@value #WARM_UP_CALLS} batch-1 calls until two rounds in a row agree on the median within
     * 5% (at most {@value #WARM_UP_ROUNDS} rounds), discarding every figure. A fresh process is slower at
     * first (class loading, the JIT, libtorch's kernel caches), and in the window the first seconds also
     * carry the UI's own start-up work. Measured in the window: with only an evaluation and batch-1 calls
     * as warm-up, the baseline came out at p50 0.61 ms and 1,723 images/s where the same dense kernels
     * measured later gave 0.30 to 0.40 ms and 3,165 to 5,499 images/s.
     */
    public void warmUp(CancelToken cancel) {
        warmUp(0, cancel);
    }

    /** As {@link #warmUp(CancelToken)}, with the discarded measurement on the first {@code samples} images (0: all). */
    public void warmUp(int samples, CancelToken cancel) {
        measure(Recipe.BASELINE, samples, cancel);
        try (InferenceNetwork network = engine.prepare(original, Recipe.BASELINE, cancel).load(latency.threads())) {
            LatencyProbe round = new LatencyProbe(0, WARM_UP_CALLS, latency.threads());
            double previous = Double.MAX_VALUE;
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                double median = engine.withThreads(latency.threads(),
                        () -> round.measure(network, evaluationSet, cancel)).at(50);
                if (Math.abs(median - previous) <= 0.05 * previous) {
                    return;
                }
                previous = median;
            }
        }
    }

    static final int WARM_UP_CALLS = 200;
    static final int WARM_UP_ROUNDS = 20;

    /**
     * Per-layer pruning sensitivity of the original model on the first {@code samples} evaluation images
     * (0: all), on this measurer's engine. {@code progress} is told the evaluations done so far.
     */
    public List<SensitivityCurve> sensitivity(int samples, java.util.function.IntConsumer progress, CancelToken cancel) {
        LabeledImages images = samples > 0 && samples < evaluationSet.size() ? evaluationSet.first(samples) : evaluationSet;
        return new SensitivityAnalysis(engine, evaluator).analyse(original, images, SensitivityAnalysis.DEFAULT_SPARSITIES,
                progress, cancel);
    }

    /**
     * Per-layer sensitivity of the original model to one technique on the first {@code samples} evaluation images
     * (0: all), on this measurer's engine; int8 calibrates on the training images as a static int8 point does.
     */
    public List<org.paretowb.models.measure.LayerSensitivity> sensitivity(
            org.paretowb.models.measure.SensitivityTechnique technique, int samples,
            java.util.function.IntConsumer progress, CancelToken cancel) {
        LabeledImages images = samples > 0 && samples < evaluationSet.size() ? evaluationSet.first(samples) : evaluationSet;
        return TechniqueSensitivity.on(engine, evaluator, images, (recipe, token) -> applier.apply(original, recipe, token))
                .analyse(technique, original, progress, cancel);
    }

    /** How many evaluations {@link #sensitivity(org.paretowb.models.measure.SensitivityTechnique, int,
     * java.util.function.IntConsumer, CancelToken)} makes. */
    public int sensitivityEvaluations(org.paretowb.models.measure.SensitivityTechnique technique) {
        return new TechniqueSensitivity((w, r, c) -> 0, null).evaluations(technique, original);
    }

    /** The int8 per-layer plan for the network a static-quantization recipe produces, where the engine has one. */
    public Optional<Int8Planner.Plan> int8Plan(Recipe staticRecipe, CancelToken cancel) {
        return engine.int8Plan(apply(staticRecipe, cancel), cancel);
    }

    public Measurement measure(Recipe recipe, CancelToken cancel) {
        return measure(recipe, 0, cancel);
    }

    /** As {@link #measure(Recipe, int, CancelToken)}, telling {@code progress} after every training epoch. */
    public Measurement measure(Recipe recipe, int samples, EpochListener progress, CancelToken cancel) {
        return measure(recipe, samples, progress, (epoch, epochs, m) -> { }, cancel);
    }

    /**
     * As {@link #measure(Recipe, int, EpochListener, CancelToken)}, also measuring the network after every
     * training epoch but the last (as if training stopped there) and handing it to {@code interim}.
     */
    public Measurement measure(Recipe recipe, int samples, EpochListener progress, InterimPoints interim,
                               CancelToken cancel) {
        boolean part = samples > 0 && samples < evaluationSet.size();
        LabeledImages images = part ? evaluationSet.first(samples) : evaluationSet;
        EpochListener measuring = new EpochListener() {
            @Override
            public void epochDone(int epoch, int epochs, double loss, double accuracy, long millis) {
                progress.epochDone(epoch, epochs, loss, accuracy, millis);
            }

            @Override
            public void batchesDone(int epoch, int epochs, int batch, int batches, double loss, double accuracy) {
                progress.batchesDone(epoch, epochs, batch, batches, loss, accuracy);
            }

            @Override
            public void trained(int epoch, int epochs, java.util.function.Supplier<WeightSet> weights) {
                if (epoch < epochs) {
                    interim.measured(epoch, epochs, measure(recipe, images, subset || part, weights.get(), cancel));
                }
            }
        };
        WeightSet weights = applier.apply(original, recipe, measuring, cancel);
        return measure(recipe, images, subset || part, weights, cancel);
    }

    /** Receives the network measured after a training epoch, before training has finished. */
    @FunctionalInterface
    public interface InterimPoints {
        void measured(int epoch, int epochs, Measurement measurement);
    }

    /**
     * Measures on the first {@code samples} images of the evaluation set (a live subset), or on all of it
     * when {@code samples} is 0 or at least its size; the measurement says which.
     */
    public Measurement measure(Recipe recipe, int samples, CancelToken cancel) {
        boolean part = samples > 0 && samples < evaluationSet.size();
        times = new PointTimes();
        WeightSet weights = apply(recipe, cancel);
        times.lap("apply recipe");
        return measure(recipe, part ? evaluationSet.first(samples) : evaluationSet, subset || part, weights, cancel);
    }

    /** Where the time of the last point measured went (its phases in milliseconds). */
    public PointTimes lastTimes() {
        return lastTimes;
    }

    private Measurement measure(Recipe recipe, LabeledImages images, boolean partial, WeightSet weights,
                                CancelToken cancel) {
        cancel.check();
        PointTimes times = this.times;
        times.restart();
        OtherProcesses.Mark start = otherProcesses.mark();
        times.lap("CPU share mark");
        MeasuringEngine.Loadable loadable = engine.prepare(weights, recipe, cancel);
        times.lap("prepare (export)");
        Accuracy accuracy;
        double imagesPerSecond;
        String description;
        ScaledInputs inputs = scaled();
        times.lap("inputs");
        try (InferenceNetwork network = loadable.load(engine.threads())) {
            times.lap("load evaluation session");
            description = network.engine();
            Accuracy[] evaluated = new Accuracy[1];
            imagesPerSecond = engine.withThreads(engine.threads(), () -> {
                evaluated[0] = evaluator.evaluate(network, images, inputs, cancel);
                times.lap("evaluate");
                return throughput.imagesPerSecond(network, images, cancel);
            });
            times.lap("throughput");
            accuracy = evaluated[0];
        }
        times.lap("close evaluation session");
        LatencyProbe.Timed timed = time(loadable, recipe.isBaseline() ? null : baseline(cancel), images, cancel);
        times.lap("batch-1 timing (sessions included)");
        double othersShare = otherProcesses.shareSince(start);
        Provenance provenance = Provenance.builder()
                .engine(description, engine.threads(), latency.threads())
                .images(images.name(), partial)
                .latencyRuns(latency.warmup(), timed.point().runs())
                .latencyRounds(timed.rounds(), timed.capped())
                .throughputBatch(throughput.batch())
                .kernels(loadable.kernels(), loadable.realKernels())
                .int8Layers(loadable.int8Layers())
                .sizeFormat(SizeProbe.FORMAT)
                .session(session.id(), session.machine())
                .otherCpuShare(othersShare)
                .processSpread(spreads.spread(session.machine(), original.spec().describe(), description))
                .build();
        LatencyProbe.Timing t = timed.point();
        long bytes = size.sizeBytes(weights);
        times.lap("size probe");
        Measurement made = Measurement.builder()
                .accuracy(accuracy.top1(), accuracy.top5(), accuracy.perClass())
                .latency(t.p50Ms(), t.p95Ms(), t.p50Interval())
                .sessionBaseline(timed.reference() == null ? null : timed.reference().median())
                .sizeBytes(bytes)
                .counts(weights.parameters(), weights.nonZeros(), weights.spec().macs())
                .throughput(imagesPerSecond)
                .predictions(accuracy.predictions())
                .network(weights.spec().describe())
                .how(provenance)
                .build();
        times.lap("record");
        lastTimes = times;
        this.times = new PointTimes();
        return made;
    }

    /** Batch-1 timing of the point, in rounds alternating with the baseline's when one is given. */
    private LatencyProbe.Timed time(MeasuringEngine.Loadable point, MeasuringEngine.Loadable reference,
                                    LabeledImages images, CancelToken cancel) {
        return engine.withThreads(latency.threads(), () -> latency.time(() -> point.load(latency.threads()),
                reference == null ? null : () -> reference.load(latency.threads()), images, cancel));
    }

    /** The evaluation set as the network takes it, converted on first use. */
    private ScaledInputs scaled() {
        synchronized (lazy) {
            if (scaled == null) {
                scaled = ScaledInputs.of(evaluationSet);
            }
            return scaled;
        }
    }

    /** The original network ready to load, exported once per measurer. */
    private MeasuringEngine.Loadable baseline(CancelToken cancel) {
        synchronized (lazy) {
            if (baseline == null) {
                baseline = engine.prepare(original, Recipe.BASELINE, cancel);
            }
            return baseline;
        }
    }
}
