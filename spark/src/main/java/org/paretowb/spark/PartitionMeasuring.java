package org.paretowb.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.paretowb.models.measure.Measurement;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.SessionInfo;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointText;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What an executor runs for one partition: borrows its measurer of the run (opening the model on first use),
 * measures the partition's recipes with the workstation's code (RecipeApplier + PointMeasurer), and returns the
 * measurements, each saying the executor and its machine in its provenance (latency is not portable).
 */
final class PartitionMeasuring extends AbstractFunction2<TaskContext, Iterator<IndexedRecipe>, ArrayList<ShippedPoint>>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Broadcast<ShippedJob> job;

    PartitionMeasuring(Broadcast<ShippedJob> job) {
        this.job = job;
    }

    @Override
    public ArrayList<ShippedPoint> apply(TaskContext task, Iterator<IndexedRecipe> recipes) {
        ShippedJob shipped = job.value();
        String executor = executorId();
        PointMeasurer measurer = ExecutorMeasurers.borrow(shipped);
        ArrayList<ShippedPoint> out = new ArrayList<>();
        try {
            while (recipes.hasNext()) {
                IndexedRecipe r = recipes.next();
                Measurement m = measurer.measure(PointText.recipe(r.recipe()), r.samples(), CancelToken.NEVER);
                out.add(new ShippedPoint(r.index(), onExecutor(PointText.write(m), executor),
                        PointText.write(environment(executor))));
            }
        } finally {
            ExecutorMeasurers.giveBack(shipped, measurer);
        }
        return out;
    }

    /** The executor's id ("driver" in local mode). */
    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "unknown" : env.executorId();
    }

    /** "Spark executor 1 · host · CPU": where the latency was timed, apart from the workstation's own points. */
    static String machine(String executor) {
        return "Spark executor " + executor + " \u00b7 " + SessionInfo.current().machine();
    }

    private static String onExecutor(String measurement, String executor) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(measurement);
            ((ObjectNode) tree.get("how")).put("machine", machine(executor));
            return JSON.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot mark the measurement with its executor: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> environment(String executor) {
        Map<String, String> env = new LinkedHashMap<>(Environment.current());
        env.put("measuredOn", machine(executor));
        return env;
    }
}
