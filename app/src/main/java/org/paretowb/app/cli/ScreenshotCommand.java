package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.util.List;
import java.util.concurrent.Callable;
import org.paretowb.app.screenshot.ScreenshotSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;

@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = {"Open the workbench window, set the pruning knob to each given value in turn,",
            "wait for every point, and save a PNG of the window. Needs a display (for example xvfb-run)."})
public final class ScreenshotCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--sparsity", split = ",", paramLabel = "PERCENT",
            description = "Knob settings to apply in order (default: 30,60,90; none with --workspace, --structured,"
                    + " --int8 or --int8-layers).")
    List<Double> sparsity;

    @Option(names = "--structured", split = ",", paramLabel = "PERCENT",
            description = "Structured-pruning settings to apply after the sparsity ones, in order.")
    List<Double> structured = List.of();

    @Option(names = "--int8", split = ",", paramLabel = "auto|all",
            description = "Static int8 settings to measure after the pruning ones: auto (where it pays) or all.")
    List<String> int8 = List.of();

    @Option(names = "--int8-layers", split = ",", paramLabel = "LAYER",
            description = "Static int8 on exactly these layers (for example conv2,fc1), chosen as in Choose layers…, measured after the --int8 settings.")
    List<String> int8Layers = List.of();

    @Option(names = "--int8-dialog", description = "Open the int8 layers checklist (Choose layers…) over the window in the snapshot.")
    boolean int8Dialog;

    @Option(names = "--djl", defaultValue = "0", paramLabel = "N",
            description = "Measure the N-th point (1: the baseline) on DJL PyTorch after the others, and show the ORT vs DJL tab.")
    int djl;

    @Option(names = "--layers", description = "Run the int8 per-layer profile and show its tab in the snapshot.")
    boolean layers;

    @Option(names = "--sensitivity", description = "Run the sensitivity analysis and show its tab in the snapshot.")
    boolean sensitivity;

    @Option(names = "--sensitivity-technique", defaultValue = "prune", paramLabel = "prune|bits|rank|channels|int8",
            description = "The technique --sensitivity runs (default: ${DEFAULT-VALUE}).")
    String sensitivityTechnique;

    @Option(names = "--search", defaultValue = "0", paramLabel = "EVALUATIONS",
            description = "Run a balance search (1-point budget, batch-1 latency, TPE) of this many evaluations on the"
                    + " Search tab and show the tab in the snapshot.")
    int search;

    @Option(names = "--compare", description = "Snapshot the comparison of the first and the last point instead.")
    boolean compare;

    @Option(names = "--distil-epochs", defaultValue = "0", paramLabel = "N",
            description = "Start a distillation job and take the snapshot while it runs, after N epochs.")
    int distilEpochs;

    @Option(names = "--tab", paramLabel = "TITLE",
            description = "Select the last point and show this tab, for example 'What it forgot' or Model.")
    String tab;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Open this data first (idx folder, or one sub-folder of images per class): the window starts"
                    + " over on it; then the knob settings apply.")
    Path data;

    @Option(names = "--split", paramLabel = "PERCENT:SEED",
            description = "Then keep PERCENT of the data for evaluation, split with SEED (the rest trains).")
    String split;

    @Option(names = "--input-settings", description = "Snapshot Model › Input settings… open over the window.")
    boolean inputSettings;

    @Option(names = "--workspace", paramLabel = "FILE.pwws",
            description = "Open this workspace (created if missing) and show its points of the model and data first;"
                    + " new points are saved to it. Its recent list is kept beside it, not in yours.")
    Path workspace;

    @Option(names = "--third-axis", paramLabel = "MACs|Parameters|Throughput",
            description = "What the third chart puts against accuracy.")
    String thirdAxis;

    @Option(names = "--dark", description = "Take the snapshot in the dark theme.")
    boolean dark;

    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl).")
    org.paretowb.services.usecase.ModelSource model;

    @Override
    public Integer call() throws Exception {
        for (String choice : int8) {
            if (!choice.equals("auto") && !choice.equals("all")) {
                throw new UserError("--int8 takes auto or all, not '" + choice + "'");
            }
        }
        try {
            int8Layers.forEach(name -> new org.paretowb.models.recipe.Int8Layers(
                    org.paretowb.models.recipe.Int8Layers.Kind.LISTED, List.of(name)));
        } catch (IllegalArgumentException e) {
            throw new UserError("--int8-layers: " + e.getMessage());
        }
        org.paretowb.views.inputs.DataSplit dataSplit = split == null ? null : Flags.settings("--split", () -> {
            String[] parts = split.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("give PERCENT:SEED, for example 20:7");
            }
            return new org.paretowb.views.inputs.DataSplit(Double.parseDouble(parts[0]) / 100, Long.parseLong(parts[1]));
        });
        boolean otherSteps = !structured.isEmpty() || !int8.isEmpty() || !int8Layers.isEmpty();
        List<Double> settings = sparsity != null ? sparsity : workspace != null || otherSteps ? List.of()
                : List.of(30.0, 60.0, 90.0);
        org.paretowb.models.measure.SensitivityTechnique technique = java.util.Arrays.stream(
                org.paretowb.models.measure.SensitivityTechnique.values()).filter(t -> t.cliName().equals(
                sensitivityTechnique)).findFirst().orElseThrow(() -> new UserError("--sensitivity-technique must be"
                + " prune, bits, rank, channels or int8, not '" + sensitivityTechnique + "'"));
        new ScreenshotSession(model, settings, structured, int8, layers, out).sensitivityTechnique(technique).int8Layers(int8Layers)
                .int8Dialog(int8Dialog).djl(djl).dark(dark).sensitivity(sensitivity).search(search).compare(compare).tab(tab).distilInProgress(distilEpochs)
                .data(data).split(dataSplit).inputSettings(inputSettings).workspace(workspace).thirdAxis(thirdAxis).run();
        System.err.println("wrote " + out);
        return 0;
    }
}
