package org.paretowb.app.cli;

import java.util.Map;
import org.paretowb.models.recipe.FineTuneSettings;
import picocli.CommandLine.Option;

/**
 * Fine-tuning's hyper-parameters but its epochs (eval and export take {@code --finetune-epochs}, a sweep takes them
 * from its grid): shared by the commands that apply recipes.
 */
public final class FineTuneOptions {
    @Option(names = "--finetune-lr", defaultValue = "0.0005", paramLabel = "RATE",
            description = "Fine-tuning's learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--finetune-optimizer", defaultValue = "adam", paramLabel = "adam|sgd",
            description = "Fine-tuning's optimizer: Adam, or SGD with --finetune-momentum (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--finetune-momentum", defaultValue = "0.9", paramLabel = "M",
            description = "SGD's momentum, 0 to below 1; Adam ignores it (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--finetune-schedule", defaultValue = "cosine", paramLabel = "cosine|constant|step",
            description = "Learning-rate schedule: cosine decay to a hundredth, constant, or divided by 10 at half and"
                    + " at three quarters of the run (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--finetune-l1", defaultValue = "0", paramLabel = "WEIGHT",
            description = "L1 regularisation: this weight times the sum of the absolute dense and convolution"
                    + " weights is added to the loss (default: ${DEFAULT-VALUE}).")
    double l1;

    @Option(names = "--finetune-l2", defaultValue = "0", paramLabel = "WEIGHT",
            description = "L2 regularisation, as the optimizer's weight decay (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--finetune-batch", defaultValue = "128", paramLabel = "N",
            description = "Fine-tuning batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    /** The settings for {@code epochs} epochs; a value out of range is refused in one line naming the flags. */
    FineTuneSettings settings(int epochs) {
        FineTuneSettings.Optimizer chosen = Flags.choice("--finetune-optimizer", optimizer,
                Map.entry("adam", FineTuneSettings.Optimizer.ADAM), Map.entry("sgd", FineTuneSettings.Optimizer.SGD));
        FineTuneSettings.Schedule rate = Flags.choice("--finetune-schedule", schedule,
                Map.entry("cosine", FineTuneSettings.Schedule.COSINE),
                Map.entry("constant", FineTuneSettings.Schedule.CONSTANT),
                Map.entry("step", FineTuneSettings.Schedule.STEP));
        return Flags.settings("--finetune-epochs/--finetune-lr/--finetune-momentum/--finetune-l1/--finetune-l2"
                + "/--finetune-batch", () -> new FineTuneSettings(epochs, learningRate, chosen, rate, momentum, l1, l2,
                batch));
    }
}
