package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.EnsembleMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.onnx.EnsembleGraph;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.ModelExport;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Combine two or three saved points into one network: their graphs side by side on the same",
            "input, then the (weighted) mean of their logits or of their probabilities, as one ONNX graph. The",
            "ensemble is measured as a point of its own on ONNX Runtime (accuracy on the full built-in test set;",
            "batch-1 latency and throughput with the members run one after the other; latency and 10k evaluation",
            "time also with the members run at once, ONNX Runtime's parallel execution mode) and saved to the",
            "workspace as an ensemble of those points. Its size is the length of the joint ONNX file.",
            "Example: ensemble --workspace w.pwws --points 3,7 --combine probs --weights 2,1 --out e.onnx"})
public final class EnsembleCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "Workspace holding the points.")
    Path workspaceFile;

    @Option(names = "--points", required = true, split = ",", paramLabel = "ID,ID[,ID]",
            description = "Two or three point ids (see 'paretowb points').")
    List<Integer> pointIds;

    @Option(names = "--combine", defaultValue = "logits", paramLabel = "logits|probs",
            description = "Average the members' logits or their softmax probabilities (default: ${DEFAULT-VALUE}).")
    String combine;

    @Option(names = "--weights", split = ",", paramLabel = "W,W[,W]",
            description = "One weight per member (scaled to sum to 1); equal weights by default.")
    List<Double> weights;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the joint ONNX graph here.")
    Path out;

    @Option(names = "--json", description = "Print the point as one JSON object.")
    boolean json;

    private record Member(StoredPoint point, Architecture architecture, WeightSet weights, byte[] onnx) {
    }

    @Override
    public Integer call() throws Exception {
        EnsembleGraph.Combine rule = Flags.settings("--combine", () -> EnsembleGraph.Combine.parse(combine));
        if (pointIds.size() < 2 || pointIds.size() > 3) {
            throw new UserError("--points takes two or three point ids, got " + pointIds.size());
        }
        if (pointIds.stream().distinct().count() != pointIds.size()) {
            throw new UserError("--points names a point twice: " + pointIds);
        }
        double[] scaled = Flags.settings("--weights", () -> weights == null
                ? EnsembleGraph.equalWeights(pointIds.size())
                : EnsembleGraph.normalised(weights.stream().mapToDouble(Double::doubleValue).toArray(), pointIds.size()));
        if (!Files.isRegularFile(workspaceFile)) {
            throw new UserError("no workspace at " + workspaceFile);
        }
        if (out != null) {
            AtomicFile.requireWritableFolder(out);
        }
        try (Workspace workspace = Workspace.open(workspaceFile)) {
            List<StoredPoint> stored = new ArrayList<>();
            for (int id : pointIds) {
                stored.add(workspace.require(id));
            }
            LabeledImages test = requireBuiltInData(stored);
            List<Member> members = build(stored);
            String ruleText = EnsembleGraph.rule(rule, scaled);
            String description = "points " + pointIds + ", " + ruleText;
            byte[] joint;
            try {
                joint = EnsembleGraph.join(members.stream().map(Member::onnx).toList(), rule, scaled, description);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), e);
            }
            EnsembleMeasurer.Result result = new EnsembleMeasurer(new OrtRuntime()).measure(joint,
                    members.get(0).weights().spec(), test, false, pointIds, ruleText, counts(members), CancelToken.NEVER);
            PointContext context = context(stored, joint);
            String name = result.measurement().how().describeEnsemble();
            StoredPoint saved = workspace.add(context, Recipe.BASELINE, result.measurement(), name,
                    Environment.current());
            if (out != null) {
                AtomicFile.write(out, temporary -> Files.write(temporary, joint));
            }
            print(saved, members, result);
        }
        return 0;
    }

    /** The built-in test set, when every member was measured on it (the only data a point can be rebuilt with). */
    private static LabeledImages requireBuiltInData(List<StoredPoint> stored) {
        Architecture first = ExampleSession.architectureOf(stored.get(0).context());
        LabeledImages test = ExampleSession.evaluationData(
                org.paretowb.services.usecase.ModelSource.example(first).settings());
        String builtIn = org.paretowb.services.store.ContentHash.of(test);
        for (StoredPoint p : stored) {
            if (!p.context().dataHash().equals(builtIn)) {
                throw new UserError("point " + p.point().id() + " was measured on " + p.context().data()
                        + "; this version builds ensembles of points measured on the built-in Fashion-MNIST test set only");
            }
            if (p.point().ensemble()) {
                throw new UserError("point " + p.point().id() + " is an ensemble already ("
                        + p.point().measurement().how().describeEnsemble() + "); combine its members instead");
            }
        }
        return test;
    }

    /** Each member's network rebuilt from the example and the point's recipe, exported as its point ran. */
    private static List<Member> build(List<StoredPoint> stored) {
        PyTorchRuntime pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        OnnxExporter exporter = new OnnxExporter();
        List<Member> members = new ArrayList<>();
        for (StoredPoint p : stored) {
            Architecture architecture = ExampleSession.architectureOf(p.context());
            Recipe recipe = p.point().recipe();
            WeightSet original = ExampleSession.exampleWeights(architecture);
            TrainingData training = TrainingData.fashionMnist();
            RecipeOptions.requireTraining(List.of(recipe), training);
            WeightSet weights = RecipeOptions.applier(recipe, pytorch, training).apply(original, recipe,
                    CancelToken.NEVER);
            byte[] onnx = exporter.export(weights, ModelExport.int8Of(recipe, p.point().measurement()));
            System.err.printf(Locale.ROOT, "member #%d (%s, %s): %,d bytes of ONNX%n", p.point().id(),
                    architecture.cliName(), recipe.summary(), onnx.length);
            members.add(new Member(p, architecture, weights, onnx));
        }
        return members;
    }

    private static EnsembleMeasurer.Counts counts(List<Member> members) {
        long parameters = 0;
        long nonZeros = 0;
        long macs = 0;
        List<String> networks = new ArrayList<>();
        List<String> kernels = new ArrayList<>();
        for (Member m : members) {
            parameters += m.weights().parameters();
            nonZeros += m.weights().nonZeros();
            macs += m.weights().spec().macs();
            networks.add(m.weights().spec().describe());
            kernels.add("#" + m.point().point().id() + ": " + m.point().point().measurement().how().kernels());
        }
        return new EnsembleMeasurer.Counts(parameters, nonZeros, macs, "ensemble of " + String.join(" | ", networks),
                String.join("; ", kernels));
    }

    /** The members' context when they share one (the ensemble shows beside them), else one of its own. */
    private static PointContext context(List<StoredPoint> stored, byte[] joint) {
        PointContext first = stored.get(0).context();
        if (stored.stream().allMatch(p -> p.context().equals(first))) {
            return first;
        }
        String models = String.join(" + ", stored.stream().map(p -> p.context().model()).distinct().toList());
        return new PointContext("Ensemble of " + models, sha256(joint), first.data(), first.dataHash());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void print(StoredPoint saved, List<Member> members, EnsembleMeasurer.Result result) throws Exception {
        Measurement m = result.measurement();
        EnsembleMeasurer.Modes modes = result.modes();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("id", saved.point().id());
            o.put("ensembleOf", mapper.valueToTree(m.how().ensembleOf()));
            o.put("rule", m.how().ensembleRule());
            o.put("accuracy", m.accuracy());
            o.put("sizeBytes", m.sizeBytes());
            o.put("sizeFormat", m.how().sizeFormat());
            o.put("p50MsSequential", modes.sequentialP50Ms());
            o.put("p50MsParallel", modes.parallelP50Ms());
            o.put("evalMsSequential", modes.sequentialEvalMs());
            o.put("evalMsParallel", modes.parallelEvalMs());
            o.put("interOpThreads", modes.interOpThreads());
            o.put("throughput", m.throughput());
            o.put("otherCpuShare", m.how().otherCpuShare());
            var rows = o.putArray("members");
            for (Member member : members) {
                Measurement mm = member.point().point().measurement();
                ObjectNode r = rows.addObject();
                r.put("id", member.point().point().id());
                r.put("recipe", member.point().point().recipe().summary());
                r.put("accuracy", mm.accuracy());
                r.put("sizeBytes", mm.sizeBytes());
                r.put("onnxBytes", member.onnx().length);
                r.put("p50Ms", mm.latencyP50Ms());
            }
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return;
        }
        System.out.printf(Locale.ROOT, "point %d: %s%n", saved.point().id(), m.how().describeEnsemble());
        System.out.printf(Locale.ROOT, "  accuracy %.2f%% on %,d images (full set), joint ONNX file %,d bytes%n",
                m.accuracy() * 100, m.samples(), m.sizeBytes());
        System.out.printf(Locale.ROOT, "  batch-1 p50: members one after the other %.4f ms (1 thread); at once %.4f ms"
                        + " (parallel mode, %d inter-op threads x 1)%n", modes.sequentialP50Ms(), modes.parallelP50Ms(),
                modes.interOpThreads());
        System.out.printf(Locale.ROOT, "  %,d-image evaluation: sequential session %.1f ms (%d intra-op threads);"
                        + " parallel session %.1f ms%n", m.samples(), modes.sequentialEvalMs(), modes.interOpThreads(),
                modes.parallelEvalMs());
        System.out.printf(Locale.ROOT, "  throughput %,.0f images/s at batch %d; other processes used %.0f%% of the CPU"
                + " meanwhile%n", m.throughput(), m.how().throughputBatch(), m.how().otherCpuShare() * 100);
        for (Member member : members) {
            Measurement mm = member.point().point().measurement();
            System.out.printf(Locale.ROOT, "  member #%d %s: %.2f%%, %,d bytes (%s), %,d bytes of ONNX, p50 %.4f ms%n",
                    member.point().point().id(), member.point().point().recipe().summary(), mm.accuracy() * 100,
                    mm.sizeBytes(), "PWB1", member.onnx().length, mm.latencyP50Ms());
        }
    }
}
