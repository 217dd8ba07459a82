package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.paretowb.charts.ThroughputChart;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.BatchScan;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.evaluate.BatchScanner;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Throughput and latency of an example network (fp32) on ONNX Runtime for batch sizes 1, 2, 4",
            "... up to --max-batch and intra-op threads 1 to --max-threads (one sequential session per thread count;",
            "each cell the median of its timed runs, inputs prepared once, logits copied back). The knee is the",
            "smallest batch reaching 90% of the best throughput. Prints a table (or JSON with --json), and writes",
            "the chart (--chart x.png or x.svg) and the JSON (--out x.json) when asked."})
public final class BenchBatchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--max-batch", defaultValue = "256", description = "Largest batch (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-threads", defaultValue = "0",
            description = "Largest intra-op thread count (default: the machine's cores).")
    int maxThreads;

    @Option(names = "--cell-ms", defaultValue = "300", description = "Timed milliseconds per cell (default: ${DEFAULT-VALUE}).")
    int cellMillis;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON to this file.")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE", description = "Write the chart as PNG (or SVG: name ending .svg).")
    Path chart;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = maxThreads == 0 ? cores : maxThreads;
        if (maxBatch < 1 || maxBatch > 4096 || threads < 1 || cellMillis < 1) {
            throw new UserError("--max-batch must be 1 to 4096, --max-threads and --cell-ms positive");
        }
        for (Path p : new Path[] {out, chart}) {
            if (p != null) {
                AtomicFile.requireWritableFolder(p);
            }
        }
        OrtRuntime ort = new OrtRuntime();
        WeightSet weights = ExampleSession.exampleWeights(model);
        LabeledImages test = ExampleSession.testSet();
        byte[] onnx = new OnnxExporter().export(weights);
        List<Integer> batches = BatchScan.powersOfTwo(maxBatch);
        List<Integer> threadCounts = IntStream.rangeClosed(1, threads).boxed().toList();
        var load = new Object() {
            org.paretowb.services.runtime.InferenceNetwork apply(int t) {
                return ort.load(onnx, weights.spec(), t);
            }
        };
        load.apply(1).close(); // the first session of a process starts ONNX Runtime's natives
        long begin = System.nanoTime();
        BatchScan scan = new BatchScanner(cellMillis).scan(load::apply, test, batches, threadCounts, CancelToken.NEVER);
        double seconds = (System.nanoTime() - begin) / 1e9;
        ObjectNode result = json(scan, seconds, cores);
        ObjectMapper mapper = new ObjectMapper();
        String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        if (out != null) {
            AtomicFile.write(out, temporary -> Files.writeString(temporary, text));
        }
        if (chart != null) {
            ThroughputChart drawn = new ThroughputChart(scan, String.format(Locale.ROOT, "Example %s, fp32, ONNX Runtime"
                    + " sequential sessions; load average %.1f on %d cores", model.title(), result.get("loadAverage")
                    .asDouble(), cores));
            AtomicFile.write(chart, temporary -> drawn.write(temporary, 900, 520));
        }
        System.out.println(json ? text : table(scan));
        System.err.printf(Locale.ROOT, "measured in %.1f s%s%s; load average %.2f over the last minute on %d cores%n",
                seconds, out == null ? "" : "; wrote " + out, chart == null ? "" : "; drew " + chart,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cores);
        return 0;
    }

    private ObjectNode json(BatchScan scan, double seconds, int cores) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("model", model.cliName());
        o.put("engine", scan.engine());
        o.put("cores", cores);
        o.put("cellMillis", cellMillis);
        o.put("seconds", seconds);
        o.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        o.put("kneeRule", "smallest batch reaching " + (int) (BatchScan.KNEE_SHARE * 100) + "% of the best throughput");
        scan.knee().ifPresent(k -> o.set("knee", mapper.valueToTree(k)));
        scan.best().ifPresent(b -> o.set("best", mapper.valueToTree(b)));
        ObjectNode perThreads = o.putObject("kneeByThreads");
        for (int t : scan.threadCounts()) {
            scan.knee(t).ifPresent(k -> perThreads.put(Integer.toString(t), k.batch()));
        }
        o.set("cells", mapper.valueToTree(scan.cells()));
        return o;
    }

    private static String table(BatchScan scan) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%6s", "batch"));
        List<Integer> threads = scan.threadCounts();
        for (int n : threads) {
            t.append(String.format(Locale.ROOT, " | %2d thr: %10s %12s", n, "ms/batch", "images/s"));
        }
        t.append('\n');
        BatchScan.Cell knee = scan.knee().orElse(null);
        for (int batch : scan.cells().stream().map(BatchScan.Cell::batch).distinct().sorted().toList()) {
            t.append(String.format(Locale.ROOT, "%6d", batch));
            for (int n : threads) {
                BatchScan.Cell c = scan.cells().stream().filter(x -> x.threads() == n && x.batch() == batch)
                        .findFirst().orElseThrow();
                boolean perThreadKnee = scan.knee(n).map(k -> k.batch() == batch).orElse(false);
                t.append(String.format(Locale.ROOT, " | %8s %10.3f %12.0f", c.equals(knee) ? "KNEE" : perThreadKnee
                        ? "knee" : "", c.batchMs(), c.imagesPerSecond()));
            }
            t.append('\n');
        }
        scan.knee().ifPresent(k -> t.append(String.format(Locale.ROOT, "knee (smallest batch reaching 90%% of the best,"
                + " %,.0f images/s): batch %d with %d intra-op thread%s, %,.0f images/s, %.3f ms per batch%n",
                scan.best().orElseThrow().imagesPerSecond(), k.batch(), k.threads(), k.threads() == 1 ? "" : "s",
                k.imagesPerSecond(), k.batchMs())));
        t.append("lower-case knee: the knee at that thread count alone");
        return t.toString();
    }
}
