package org.paretowb.app.cli;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Int8Planner;
import org.paretowb.services.evaluate.MeasuringEngine;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Option;

/**
 * The measurement's settings a user may choose (for example the knee that {@code bench batch} found): the intra-op
 * threads of evaluation and throughput, the throughput batch, and the scenario "int8 where it pays" chooses for.
 * Each point records the threads and batch it was measured with, and its kernels say what the int8 choice was for.
 */
public final class MeasureOptions {
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "ONNX Runtime: intra-op threads of the evaluation and throughput sessions (default: the"
                    + " machine's cores); batch-1 latency always runs on 1.")
    int threads;

    @Option(names = "--throughput-batch", defaultValue = "64", paramLabel = "B",
            description = "Batch size of the throughput figure (default: ${DEFAULT-VALUE}).")
    int throughputBatch;

    @Option(names = "--int8-target", defaultValue = "balanced", paramLabel = "balanced|latency|throughput",
            description = "What --int8-layers auto chooses its layers for: batch-1 latency, throughput at"
                    + " --int8-batch, or the mean of batch-1 and batch-250 evaluation ratios (default: ${DEFAULT-VALUE}).")
    String int8Target;

    @Option(names = "--int8-batch", defaultValue = "256", paramLabel = "B",
            description = "The batch of --int8-target throughput (default: ${DEFAULT-VALUE}).")
    int int8Batch;

    /** The int8 planner's scenario. */
    public Int8Planner.Target target() {
        return Flags.settings("--int8-target", () -> Int8Planner.Target.parse(int8Target, int8Batch));
    }

    /** The engine named by {@code --engine}, with these settings. */
    public MeasuringEngine engine(String name, PyTorchRuntime pytorch, LabeledImages data) {
        if (throughputBatch < 1) {
            throw new UserError("--throughput-batch must be 1 or more, got " + throughputBatch);
        }
        if (threads < 0) {
            throw new UserError("--threads must be 1 or more (0: the machine's cores), got " + threads);
        }
        Int8Planner.Target target = target();
        if (!name.equals("onnxruntime")) {
            if (threads != 0 || target != Int8Planner.Target.BALANCED) {
                throw new UserError("--threads and --int8-target go with --engine onnxruntime");
            }
            return Flags.engine(name, pytorch, data);
        }
        int sessionThreads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return new OrtMeasuringEngine(new OrtRuntime(), data.first(Math.min(1000, data.size())), sessionThreads, target);
    }

    /** A measurer with these settings' throughput batch. */
    public PointMeasurer measurer(MeasuringEngine engine, WeightSet weights, int samples, RecipeApplier applier,
                                  LabeledImages evaluation) {
        return ExampleSession.measurer(engine, weights, samples, applier, evaluation, throughputBatch);
    }
}
