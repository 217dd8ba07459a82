package org.paretowb.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;

/** The torchscript command's measured points, as tables for people or one JSON object. */
final class TorchScriptOutput {
    private TorchScriptOutput() {
    }

    static String tables(List<TorchScriptCommand.Measured> points) {
        return points.stream().map(TorchScriptOutput::table).collect(Collectors.joining("\n\n"));
    }

    private static String table(TorchScriptCommand.Measured p) {
        Measurement m = p.measurement();
        String table = String.format(Locale.ROOT, """
                recipe       %s
                network      %s
                accuracy     %.2f%% top-1, %.2f%% top-5 on %d images (%s)
                latency      p50 %.3f ms, p95 %.3f ms (batch 1, %d runs after %d warm-up, %s, %d thread(s))
                size         %,d bytes (%s)
                parameters   %,d (%,d non-zero)
                throughput   %,.0f images/s (batch %d, %d threads, best of 3 rounds)
                kernels      %s""",
                p.recipe().summary(), m.network(), m.accuracy() * 100, m.top5() * 100, m.samples(),
                m.how().evaluationSet(), m.latencyP50Ms(), m.latencyP95Ms(), m.how().latencyTimedRuns(),
                m.how().latencyWarmupRuns(), m.how().engine(), m.how().latencyThreads(), m.sizeBytes(),
                m.how().sizeFormat(), m.parameters(), m.nonZeros(), m.throughput(), m.how().throughputBatch(),
                m.how().threads(), m.how().kernels());
        return p.file() == null ? table : table + "\nfile         " + p.file();
    }

    static String json(Path model, List<TorchScriptCommand.Measured> points, DataOptions.Inputs inputs,
                       boolean assumed) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("model", model.toString());
        o.put("modelBytes", Files.size(model));
        InputsJson.put(o, inputs.settings(), assumed, inputs.evaluation(), inputs.training());
        ArrayNode array = o.putArray("points");
        points.forEach(p -> array.add(point(mapper, p)));
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always writes", e);
        }
    }

    private static ObjectNode point(ObjectMapper mapper, TorchScriptCommand.Measured p) {
        Recipe recipe = p.recipe();
        Measurement m = p.measurement();
        ObjectNode o = mapper.createObjectNode();
        o.put("recipe", recipe.summary());
        o.put("sparsity", recipe.pruning().sparsity());
        o.put("pruneScope", recipe.pruning().scope() == org.paretowb.models.recipe.PruningSettings.Scope.GLOBAL
                ? "global" : "layer");
        o.put("bits", recipe.quantization().active() ? recipe.quantization().bits() : 32);
        o.put("distilled", recipe.distillation().active());
        MeasurementJson.put(o, m);
        if (p.file() != null) {
            o.put("file", p.file().toString());
        }
        if (p.savedAs() != null) {
            o.put("workspacePoint", p.savedAs());
        }
        return o;
    }
}
