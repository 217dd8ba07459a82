package org.paretowb.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.services.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-example", mixinStandardHelpOptions = true,
        description = {"Train an example network from scratch on Fashion-MNIST and write its weights.",
            "Uses the full 60k training set when Debian's dataset-fashion-mnist is installed,",
            "otherwise the embedded 12k subset."})
public final class TrainExampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, converter = ModelOption.class, description = "cnn, cnn-wide or mlp.")
    Architecture model;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam's initial learning rate, decayed by cosine "
            + "to 1/100 of it (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the weights "
            + "(default: the example's file in this source checkout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        TrainingSettings settings = Flags.settings("--epochs/--batch-size/--lr",
                () -> new TrainingSettings(epochs, batchSize, learningRate, seed));
        Path target = out != null ? out : ExampleWeights.sourcePath(model);
        AtomicFile.requireWritableFolder(target);
        LabeledImages train = new FashionMnist().trainingSet();
        System.err.printf(Locale.ROOT, "training %s on %d images (%s), %d epochs%n",
                model.title(), train.size(), train.name(), epochs);
        PyTorchRuntime runtime = new PyTorchRuntime();
        WeightSet weights = new NetworkTrainer(runtime).train(model.spec(), train, settings,
                (epoch, total, loss, accuracy, millis) -> System.err.printf(Locale.ROOT,
                        "epoch %d/%d  loss %.4f  train accuracy %.2f%%  %.1f s%n",
                        epoch, total, loss, accuracy * 100, millis / 1000.0), CancelToken.NEVER);
        runtime.prepareInferenceThread();
        LabeledImages test = ExampleSession.testSet();
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            double accuracy = new Evaluator(250).accuracy(network, test, CancelToken.NEVER);
            System.err.printf(Locale.ROOT, "test accuracy %.2f%% on %d images%n", accuracy * 100, test.size());
        }
        AtomicFile.write(target, temp -> {
            try (OutputStream stream = Files.newOutputStream(temp)) {
                new WeightCodec().write(weights, stream);
            }
        });
        System.err.println("wrote " + target + " (" + Files.size(target) + " bytes)");
        return 0;
    }
}
