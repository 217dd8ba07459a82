package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "structured", mixinStandardHelpOptions = true,
        description = {"Compare an example network with its structured-pruned, rebuilt copy in one run:",
            "MACs, batch-64 throughput and batch-1 latency, measured in alternating rounds."})
public final class BenchStructuredCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--ratio", defaultValue = "0.5", description = "Share of channels and neurons removed.")
    double ratio;

    @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (rounds <= 0) {
            throw new UserError("--rounds must be positive");
        }
        StructuredPruningSettings settings = Flags.settings("--ratio",
                () -> new StructuredPruningSettings(ratio, StructuredPruningSettings.Norm.L1));
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages test = ExampleSession.testSet();
        WeightSet original = ExampleSession.exampleWeights(model);
        WeightSet pruned = new ChannelPruner().prune(original, settings);
        ThroughputProbe throughput = new ThroughputProbe(64, 5, 40);
        LatencyProbe latency = new LatencyProbe(50, 300);
        double[][] imagesPerSecond = new double[2][rounds];
        double[][] p50 = new double[2][rounds];
        try (LoadedNetwork a = LoadedNetwork.load(original, runtime); LoadedNetwork b = LoadedNetwork.load(pruned, runtime)) {
            LoadedNetwork[] networks = {a, b};
            for (int round = 0; round < rounds; round++) {
                for (int n = 0; n < 2; n++) {
                    LoadedNetwork network = networks[n];
                    imagesPerSecond[n][round] = throughput.imagesPerSecond(network, test, CancelToken.NEVER);
                    p50[n][round] = runtime.withThreads(1, () -> latency.measure(network, test, CancelToken.NEVER)).at(50);
                }
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode result = mapper.createObjectNode();
        result.put("engine", runtime.description());
        result.put("threads", runtime.threads());
        result.put("original", original.spec().describe());
        result.put("pruned", pruned.spec().describe());
        result.put("macsRatio", (double) pruned.spec().macs() / original.spec().macs());
        result.put("parametersRatio", (double) pruned.parameters() / original.parameters());
        result.put("throughputOriginal", Flags.median(imagesPerSecond[0]));
        result.put("throughputPruned", Flags.median(imagesPerSecond[1]));
        result.put("throughputRatio", Flags.median(imagesPerSecond[1]) / Flags.median(imagesPerSecond[0]));
        result.put("latencyP50OriginalMs", Flags.median(p50[0]));
        result.put("latencyP50PrunedMs", Flags.median(p50[1]));
        result.put("latencyRatio", Flags.median(p50[1]) / Flags.median(p50[0]));
        ArrayNode rows = result.putArray("throughputRounds");
        for (int round = 0; round < rounds; round++) {
            rows.addArray().add(imagesPerSecond[0][round]).add(imagesPerSecond[1][round]);
        }
        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }
}
