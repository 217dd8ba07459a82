package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.UserError;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ONNX files run as they are (their own bytes, not re-exported) on ONNX Runtime, measured in alternating rounds so
 * that a change in the machine's load falls on all of them alike: how long the workbench takes to import each, its
 * accuracy, batch-1 p50 on one thread and batch-64 throughput, and each one's ratios to the first.
 */
@Command(name = "files", mixinStandardHelpOptions = true,
        description = {"Compare ONNX files on ONNX Runtime in one run: import time, accuracy, batch-1 p50 and",
            "batch-64 throughput, measured in alternating rounds; ratios to the first file."})
public final class BenchFilesCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE.onnx", description = "Two or more ONNX files.")
    List<Path> files;

    @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        if (files.size() < 2 || rounds <= 0) {
            throw new UserError("give two or more --model files and a positive --rounds");
        }
        List<ModelSource> models = new ArrayList<>();
        List<Double> importMillis = new ArrayList<>();
        List<String> notImported = new ArrayList<>();
        for (Path file : files) {
            if (!file.toString().endsWith(".onnx")) {
                throw new UserError(file + ": bench files takes ONNX files");
            }
            long start = System.nanoTime();
            try {
                models.add(ModelSource.file(file));
                notImported.add(null);
            } catch (UserError e) {
                if (models.isEmpty()) {
                    throw e;
                }
                // a file the importer does not read (an int8 export's QuantizeLinear) still runs on ONNX Runtime
                // as it is, with the first file's inputs
                models.add(models.get(0));
                notImported.add(e.getMessage());
            }
            importMillis.add((System.nanoTime() - start) / 1e6);
        }
        DataOptions.Loaded data = dataOptions.load(models.get(0), 1);
        LabeledImages images = data.evaluation();
        OrtRuntime runtime = new OrtRuntime();
        LatencyProbe latency = new LatencyProbe(50, 300, 1);
        ThroughputProbe throughput = new ThroughputProbe(64, 5, 40);
        int n = files.size();
        double[][] p50 = new double[n][rounds];
        double[][] perSecond = new double[n][rounds];
        double[] accuracy = new double[n];
        List<OnnxNetwork> single = new ArrayList<>();
        List<OnnxNetwork> all = new ArrayList<>();
        try {
            for (int f = 0; f < n; f++) {
                byte[] bytes = Files.readAllBytes(files.get(f));
                ModelSource model = f == 0 || notImported.get(f) != null ? data.model()
                        : dataOptions.load(models.get(f), 1).model();
                single.add(runtime.load(bytes, model.weights().spec(), 1));
                all.add(runtime.load(bytes, model.weights().spec(), Runtime.getRuntime().availableProcessors()));
                LabeledImages own = images.withNormalisation(model.settings().normalisation());
                accuracy[f] = new Evaluator(250).accuracy(all.get(f), own, CancelToken.NEVER);
            }
            for (int round = 0; round < rounds; round++) {
                for (int f = 0; f < n; f++) {
                    p50[f][round] = latency.measure(single.get(f), images, CancelToken.NEVER).at(50);
                    perSecond[f][round] = throughput.imagesPerSecond(all.get(f), images, CancelToken.NEVER);
                }
            }
        } finally {
            single.forEach(OnnxNetwork::close);
            all.forEach(OnnxNetwork::close);
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode result = mapper.createObjectNode();
        result.put("engine", runtime.description());
        result.put("images", images.size());
        result.put("rounds", rounds);
        ArrayNode rows = result.putArray("files");
        for (int f = 0; f < n; f++) {
            ObjectNode row = rows.addObject();
            row.put("file", files.get(f).toString());
            if (notImported.get(f) == null) {
                row.put("importMs", importMillis.get(f));
                row.put("nodes", models.get(f).weights().spec().nodes().size());
                row.put("parameters", models.get(f).weights().parameters());
                row.put("macs", models.get(f).weights().spec().macs());
            } else {
                row.put("notImported", notImported.get(f) + " (run as it is, with the first file's input settings)");
            }
            row.put("bytes", Files.size(files.get(f)));
            row.put("accuracy", accuracy[f]);
            row.put("latencyP50Ms", Flags.median(p50[f]));
            row.put("throughput", Flags.median(perSecond[f]));
            row.put("latencyRatio", Flags.median(p50[f]) / Flags.median(p50[0]));
            row.put("throughputRatio", Flags.median(perSecond[f]) / Flags.median(perSecond[0]));
            ArrayNode rounds = row.putArray("latencyP50Rounds");
            for (double v : p50[f]) {
                rounds.add(v);
            }
        }
        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }
}
