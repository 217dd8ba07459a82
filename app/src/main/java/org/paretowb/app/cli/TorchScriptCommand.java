package org.paretowb.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.app.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.runtime.TorchScriptNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "torchscript", mixinStandardHelpOptions = true,
        description = {"List a TorchScript model's parameters and evaluate it on DJL's PyTorch engine.",
            "Compressing it needs the ONNX route (export it with torch.onnx.export and use --model FILE.onnx)."})
public final class TorchScriptCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE.pt", description = "The TorchScript file.")
    Path file;

    @Option(names = "--input-shape", defaultValue = "1,28,28", split = ",", paramLabel = "C,H,W",
            description = "The model's input shape (default: ${DEFAULT-VALUE}); TorchScript files do not state it.")
    int[] inputShape;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N", description = "Evaluate on the first N test images.")
    int samples;

    @Override
    public Integer call() {
        if (inputShape.length != 3 || Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
            throw new UserError("--input-shape must be three positive sizes C,H,W, such as 1,28,28");
        }
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages test = ExampleSession.testSet();
        LabeledImages images = samples > 0 && samples < test.size() ? test.first(samples) : test;
        if (inputShape[0] * inputShape[1] * inputShape[2] != images.pixelsPerImage()) {
            throw new UserError("--input-shape " + inputShape[0] + "," + inputShape[1] + "," + inputShape[2]
                    + " does not fit the evaluation images (" + images.rows() + "x" + images.cols() + ", grey)");
        }
        try (TorchScriptNetwork network = TorchScriptNetwork.load(file, inputShape, runtime)) {
            long total = 0;
            for (TorchScriptNetwork.Parameter p : network.parameters()) {
                System.out.printf(Locale.ROOT, "%-28s %-18s %,10d%n", p.name(), Arrays.toString(p.shape()), p.count());
                total += p.count();
            }
            System.out.printf(Locale.ROOT, "%-47s %,10d%n", "parameters", total);
            double accuracy;
            try {
                accuracy = new Evaluator(250).accuracy(network, images, CancelToken.NEVER);
            } catch (RuntimeException e) {
                throw new UserError(file + " does not run on input " + Arrays.toString(inputShape) + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
            }
            System.out.printf(Locale.ROOT, "accuracy %.2f%% on %,d test images (%s)%n", accuracy * 100, images.size(),
                    network.engine());
        } catch (WeightFileException e) {
            throw new UserError(e.getMessage(), e);
        }
        return 0;
    }
}
