package org.paretowb.spark;

import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.PointText;
import org.paretowb.services.sweep.MeasuredRecipe;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.sweep.SweepJob;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The sweep lane on Apache Spark. The driver broadcasts the job (model bytes and evaluation images) once,
 * parallelises the recipes into small partitions, and hands each partition's measurements to the sink the moment
 * its task succeeds (a result handler on the driver), so that a workspace fills in as the sweep runs. A failed
 * task, or one lost with its executor, is run again by Spark; its partition's results reach the sink once.
 */
final class SparkLane implements RecipeBatchLane {
    /** Partitions per task slot at least: small ones stream results and spread again when an executor is lost. */
    static final int PARTITIONS_PER_SLOT = 4;
    /** Recipes per partition at most, so that points reach the workspace a few at a time on a long sweep. */
    static final int RECIPES_PER_PARTITION = 4;

    private final String master;
    private final JavaSparkContext spark;
    private final Broadcast<ShippedJob> job;

    SparkLane(String master, SweepJob sweep) {
        this.master = master;
        this.spark = new JavaSparkContext(conf(master));
        this.job = spark.broadcast(ShippedJob.of(sweep));
    }

    /** Spark's settings: {@code spark.*} system properties first, then these defaults. */
    static SparkConf conf(String master) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("paretowb sweep")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.executor.extraJavaOptions", "-Dai.djl.offline=true")
                // the driver waits for its executors before parallelising, or the first tasks all land on one
                .setIfMissing("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                .setIfMissing("spark.scheduler.maxRegisteredResourcesWaitingTime", "30s");
        jobJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar.toString()));
        return conf;
    }

    /** This class's jar, the job jar the executors load; empty when running from classes (tests, local mode). */
    static java.util.Optional<Path> jobJar() {
        try {
            var source = SparkLane.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && Files.isRegularFile(path) ? java.util.Optional.of(path) : java.util.Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, PointSink sink, CancelToken cancel) {
        if (recipes.isEmpty()) {
            return;
        }
        List<IndexedRecipe> items = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            items.add(new IndexedRecipe(i, PointText.write(recipes.get(i)), samples));
        }
        int slices = Math.min(items.size(), Math.max(Math.max(1, spark.defaultParallelism()) * PARTITIONS_PER_SLOT,
                (items.size() + RECIPES_PER_PARTITION - 1) / RECIPES_PER_PARTITION));
        JavaRDD<IndexedRecipe> rdd = spark.parallelize(items, slices);
        ClassTag<ArrayList<ShippedPoint>> tag = ClassTag$.MODULE$.apply(ArrayList.class);
        Thread watcher = cancelWatcher(cancel);
        try {
            spark.sc().runJob(rdd.rdd(), new PartitionMeasuring(job), new Arrivals(recipes, sink), tag);
        } catch (RuntimeException e) {
            cancel.check();
            throw new IllegalStateException("the sweep on Spark (" + master + ") failed: " + rootMessage(e), e);
        } finally {
            watcher.interrupt();
        }
    }

    /** Cancels the running job when {@code cancel} is set (checked every 200 ms). */
    private Thread cancelWatcher(CancelToken cancel) {
        Thread t = new Thread(() -> {
            try {
                while (!cancel.cancelled()) {
                    Thread.sleep(200);
                }
                spark.cancelAllJobs();
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "paretowb-spark-cancel");
        t.setDaemon(true);
        if (cancel != CancelToken.NEVER) {
            t.start();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return root == e ? first : first + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** Runs on the driver as each partition's task succeeds (Spark calls it once per partition). */
    private static final class Arrivals extends AbstractFunction2<Object, ArrayList<ShippedPoint>, BoxedUnit>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient List<Recipe> recipes;
        private final transient PointSink sink;

        Arrivals(List<Recipe> recipes, PointSink sink) {
            this.recipes = recipes;
            this.sink = sink;
        }

        @Override
        public BoxedUnit apply(Object partition, ArrayList<ShippedPoint> points) {
            for (ShippedPoint p : points) {
                sink.measured(new MeasuredRecipe(p.index(), recipes.get(p.index()), PointText.measurement(p.measurement()),
                        PointText.environment(p.environment())));
            }
            return BoxedUnit.UNIT;
        }
    }

    @Override
    public String describe() {
        return "Spark at " + master + " (" + spark.sc().applicationId() + ")";
    }

    @Override
    public void close() {
        try {
            job.destroy();
        } finally {
            spark.close();
        }
    }
}
