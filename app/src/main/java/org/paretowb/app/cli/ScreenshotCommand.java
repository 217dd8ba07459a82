package org.paretowb.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.paretowb.app.ScreenshotSession;
import org.paretowb.models.network.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;

@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = {"Open the workbench window, set the pruning knob to each given value in turn,",
            "wait for every point, and save a PNG of the window. Needs a display (for example xvfb-run)."})
public final class ScreenshotCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--sparsity", split = ",", defaultValue = "30,60,90", paramLabel = "PERCENT",
            description = "Knob settings to apply in order (default: ${DEFAULT-VALUE}).")
    List<Double> sparsity;

    @Option(names = "--structured", split = ",", paramLabel = "PERCENT",
            description = "Structured-pruning settings to apply after the sparsity ones, in order.")
    List<Double> structured = List.of();

    @Option(names = "--model", defaultValue = "cnn", converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Override
    public Integer call() throws Exception {
        new ScreenshotSession(model, sparsity, structured, out).run();
        System.err.println("wrote " + out);
        return 0;
    }
}
