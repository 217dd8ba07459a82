package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Time full evaluations of an example network on DJL's PyTorch engine,",
            "with libtorch's grad mode off (the workbench's setting) and on (libtorch's default)."})
public final class BenchEvalCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--passes", defaultValue = "6", description = "Evaluations per mode (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--batch", defaultValue = "250", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (passes <= 0 || batch <= 0) {
            throw new UserError("--passes and --batch must be positive");
        }
        PyTorchRuntime runtime = new PyTorchRuntime();
        LabeledImages test = ExampleSession.testSet();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode result = mapper.createObjectNode();
        result.put("model", model.cliName());
        result.put("engine", runtime.description());
        result.put("threads", runtime.threads());
        result.put("allocator", runtime.allocator());
        result.put("images", test.size());
        result.put("batch", batch);
        try (LoadedNetwork network = LoadedNetwork.load(ExampleSession.exampleWeights(model), runtime)) {
            for (boolean gradMode : new boolean[] {false, true}) {
                JniUtils.setGradMode(gradMode);
                result.set(gradMode ? "gradModeOn" : "gradModeOff", timePasses(network, test, mapper));
            }
        } finally {
            runtime.prepareInferenceThread();
        }
        System.out.println(json ? mapper.writeValueAsString(result) : mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(result));
        return 0;
    }

    private ObjectNode timePasses(LoadedNetwork network, LabeledImages test, ObjectMapper mapper) {
        ObjectNode mode = mapper.createObjectNode();
        ArrayNode seconds = mode.putArray("passSeconds");
        double accuracy = 0;
        double best = Double.MAX_VALUE;
        double[] all = new double[passes];
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            accuracy = new Evaluator(batch).accuracy(network, test, CancelToken.NEVER);
            double s = (System.nanoTime() - start) / 1e9;
            seconds.add(Double.parseDouble(String.format(Locale.ROOT, "%.4f", s)));
            best = Math.min(best, s);
            all[i] = s;
        }
        mode.put("bestSeconds", best);
        mode.put("medianSeconds", Flags.median(all));
        mode.put("accuracy", accuracy);
        return mode;
    }
}
