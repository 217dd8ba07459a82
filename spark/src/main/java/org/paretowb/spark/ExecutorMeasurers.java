package org.paretowb.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.usecase.ExampleSession;

/**
 * The measurers of one executor process: the model is opened (and the measurer warmed up) once per run and task
 * slot, then lent to every partition a task of that run measures. A measurer serves one task at a time.
 */
final class ExecutorMeasurers {
    private static final Map<String, ConcurrentLinkedQueue<PointMeasurer>> FREE = new ConcurrentHashMap<>();

    private ExecutorMeasurers() {
    }

    static PointMeasurer borrow(ShippedJob job) {
        PointMeasurer free = FREE.computeIfAbsent(job.runId(), id -> new ConcurrentLinkedQueue<>()).poll();
        return free != null ? free : open(job);
    }

    static void giveBack(ShippedJob job, PointMeasurer measurer) {
        FREE.computeIfAbsent(job.runId(), id -> new ConcurrentLinkedQueue<>()).add(measurer);
    }

    /** The measurer the workstation's sweep makes (ONNX Runtime, same probes), warmed up as it warms up. */
    private static PointMeasurer open(ShippedJob job) {
        if (!"onnxruntime".equals(job.engine())) {
            throw new IllegalArgumentException("the Spark lane measures on onnxruntime, not " + job.engine());
        }
        LabeledImages evaluation = job.evaluation();
        PointMeasurer measurer = ExampleSession.measurer(ExampleSession.onnxRuntime(evaluation), job.weights(),
                job.samples(), new RecipeApplier(), evaluation);
        measurer.warmUp(CancelToken.NEVER);
        return measurer;
    }
}
