package org.paretowb.services.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Accuracy;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.ParameterCompressor;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.runtime.TorchScriptNetwork;

/**
 * Makes points of a TorchScript model: applies a recipe's pruning and weight quantization to a copy of its
 * parameters, saves the copy as a TorchScript file, loads that file back (checking that it gives the copy's
 * logits) and measures what was loaded as every point is measured: accuracy, batch-1 latency, throughput, and
 * size as the bytes of that file. The baseline goes the same way, so every size is libtorch's own. The loaded
 * model and its file are never changed. Call it on one thread (the compute lane).
 */
public final class TorchScriptMeasurer {
    /** What the size of a TorchScript point is the length of. */
    public static final String SIZE_FORMAT = "TorchScript .pt written by libtorch, its zip entries deflated (libtorch"
            + " loads it as is): float32 tensors, so pruned zeros and the few values of quantized weights shrink only"
            + " as far as deflate takes them";
    /** How a point with quantized weights ran, said wherever its figures are shown. */
    public static final String SIMULATED = "simulated (fp32 kernels on quantized weights)";

    private final PyTorchRuntime runtime;
    private final TorchScriptNetwork original;
    private final List<Tensor> originalWeights;
    private final LabeledImages evaluationSet;
    private final boolean subset;
    private final Path folder;
    private final Evaluator evaluator;
    private final LatencyProbe latency;
    private final ThroughputProbe throughput;
    private final ParameterCompressor compressor = new ParameterCompressor();

    /** A measured point and the TorchScript file it was measured from. */
    public record Point(Measurement measurement, Path file) {
    }

    /**
     * @param folder where the compressed copies are written, one file per recipe (a file of the same name is
     *               replaced); it must not be the original's folder
     * @param subset whether {@code evaluationSet} is only part of the evaluation set (said with every figure)
     */
    public TorchScriptMeasurer(PyTorchRuntime runtime, TorchScriptNetwork original, LabeledImages evaluationSet,
                               boolean subset, Path folder, Evaluator evaluator, LatencyProbe latency,
                               ThroughputProbe throughput) {
        if (folder.toAbsolutePath().normalize().equals(original.file().toAbsolutePath().normalize().getParent())) {
            throw new IllegalArgumentException("the compressed copies go to another folder than " + original.file());
        }
        this.runtime = runtime;
        this.original = original;
        this.originalWeights = original.weights();
        this.evaluationSet = evaluationSet;
        this.subset = subset;
        this.folder = folder;
        this.evaluator = evaluator;
        this.latency = latency;
        this.throughput = throughput;
    }

    /** The default probes: batches of 250, 20 warm-up and 200 timed batch-1 runs, 10 batches of 64. */
    public TorchScriptMeasurer(PyTorchRuntime runtime, TorchScriptNetwork original, LabeledImages evaluationSet,
                               boolean subset, Path folder) {
        this(runtime, original, evaluationSet, subset, folder, new Evaluator(250), new LatencyProbe(20, 200),
                new ThroughputProbe(64, 2, 10));
    }

    /** The original's parameters, as read once from the engine. */
    public List<Tensor> originalWeights() {
        return originalWeights;
    }

    /**
     * Measures the baseline once in full and then runs rounds of batch-1 calls until two rounds agree on the
     * median within 5%, discarding every figure (as {@link PointMeasurer#warmUp} does, for the same reasons).
     */
    public void warmUp(CancelToken cancel) throws WeightFileException, IOException {
        measure(Recipe.BASELINE, cancel);
        LatencyProbe round = new LatencyProbe(0, PointMeasurer.WARM_UP_CALLS, latency.threads());
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < PointMeasurer.WARM_UP_ROUNDS; i++) {
            double median = runtime.withThreads(latency.threads(),
                    () -> round.measure(original, evaluationSet, cancel)).at(50);
            if (Math.abs(median - previous) <= 0.05 * previous) {
                return;
            }
            previous = median;
        }
    }

    /** Compresses a copy by {@code recipe} (pruning and weight quantization only), saves it, reloads it, measures it. */
    public Point measure(Recipe recipe, CancelToken cancel) throws WeightFileException, IOException {
        cancel.check();
        List<Tensor> weights = compressor.apply(originalWeights, recipe);
        Path file = folder.resolve(fileName(recipe));
        long bytes;
        int checked = Math.min(evaluator.batchSize(), evaluationSet.size());
        float[] copyLogits;
        try (TorchScriptNetwork copy = original.withWeights(weights)) {
            copy.save(file);
            bytes = org.paretowb.services.runtime.DeflatedZip.deflate(file);
            copyLogits = copy.logits(evaluationSet.scaledPixels(0, checked), checked);
        }
        try (TorchScriptNetwork saved = TorchScriptNetwork.load(file, original.input(), runtime)) {
            if (!Arrays.equals(copyLogits, saved.logits(evaluationSet.scaledPixels(0, checked), checked))) {
                throw new IllegalStateException(file + ", loaded back, does not give the logits of the copy it was"
                        + " saved from");
            }
            return new Point(measure(recipe, saved, weights, bytes, cancel), file);
        }
    }

    private Measurement measure(Recipe recipe, TorchScriptNetwork network, List<Tensor> weights, long bytes,
                                CancelToken cancel) {
        Accuracy accuracy = evaluator.evaluate(network, evaluationSet, cancel);
        double imagesPerSecond = runtime.withThreads(runtime.threads(),
                () -> throughput.imagesPerSecond(network, evaluationSet, cancel));
        LatencyProbe.Timed timed = runtime.withThreads(latency.threads(),
                () -> latency.time(network, evaluationSet, cancel));
        SessionInfo session = SessionInfo.current();
        QuantizationSettings q = recipe.quantization();
        Provenance how = Provenance.builder()
                .engine(network.engine(), runtime.threads(), latency.threads())
                .images(evaluationSet.name(), subset)
                .latencyRuns(latency.warmup(), timed.point().runs())
                .latencyRounds(timed.rounds(), timed.capped())
                .throughputBatch(throughput.batch())
                .kernels(q.active() ? SIMULATED + ": " + q.summary() : "fp32 dense kernels", !q.active())
                .sizeFormat(SIZE_FORMAT)
                .session(session.id(), session.machine())
                .build();
        return Measurement.builder()
                .accuracy(accuracy.top1(), accuracy.top5(), accuracy.perClass())
                .latency(timed.point().p50Ms(), timed.point().p95Ms(), timed.point().p50Interval())
                .sizeBytes(bytes)
                .counts(weights.stream().mapToLong(Tensor::size).sum(),
                        weights.stream().mapToLong(Tensor::nonZeros).sum(), 0)
                .throughput(imagesPerSecond)
                .predictions(accuracy.predictions())
                .network(describe())
                .how(how)
                .build();
    }

    /** The network as points name it; a TorchScript graph is not read, so its MACs are not counted (0). */
    private String describe() {
        return "TorchScript " + original.file().getFileName() + " (" + originalWeights.size() + " parameter tensors)";
    }

    /** The copy's file name: the original's, then the recipe, as in {@code torch-cnn-prune50-global-int8.pt}. */
    static String fileName(Recipe recipe, String original) {
        StringBuilder name = new StringBuilder(original.substring(0, original.length() - ".pt".length()));
        if (recipe.isBaseline()) {
            name.append("-baseline");
        }
        if (recipe.pruning().active()) {
            name.append("-prune").append(String.format(Locale.ROOT, "%.1f", recipe.pruning().sparsity() * 100)
                    .replace(".0", "").replace('.', '_')).append(recipe.pruning().scope()
                    == org.paretowb.models.recipe.PruningSettings.Scope.GLOBAL ? "-global" : "-layer");
        }
        if (recipe.quantization().active()) {
            name.append("-int").append(recipe.quantization().bits());
        }
        return name.append(".pt").toString();
    }

    private String fileName(Recipe recipe) {
        return fileName(recipe, original.file().getFileName().toString());
    }
}
