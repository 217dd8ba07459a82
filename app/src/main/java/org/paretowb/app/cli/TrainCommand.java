package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.models.data.CsvTable;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TableOptions;
import org.paretowb.models.data.TableSplit;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.export.SettingsStamp;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.EpochListener;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.services.train.TableTrainer;
import org.paretowb.services.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an MLP on a CSV table's training split and write it as a .pwb model file.",
            "Features are standardised with the training rows' mean and std for training, and the standardisation",
            "becomes a layer of the network (or is folded into the first dense layer): the model takes the raw features.",
            "Example: train --data wine.csv --label-column target --hidden 64,32 --epochs 60 --out wine-mlp.pwb"})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "A CSV file: numeric feature columns and a label column (class indices 0, 1, ... or class"
                    + " names), with or without a header line.")
    Path data;

    @Mixin
    SplitOptions split;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the split into training and evaluation rows and of the training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hidden", defaultValue = "64,32", split = ",", paramLabel = "H1,H2,...",
            description = "Widths of the hidden dense layers, each followed by a ReLU (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--epochs", defaultValue = "60", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.005", description = "Adam's initial learning rate, decayed by cosine"
            + " to 1/100 of it (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--standardisation", defaultValue = "layer", paramLabel = "layer|fold",
            description = "Where the features' standardisation goes: a BatchNorm layer in front of the first dense layer,"
                    + " or folded into its weights and bias (no extra layer, but pruning and int8 then treat the"
                    + " features' scales as importance and break the model) (default: ${DEFAULT-VALUE}).")
    String standardisation;

    @Option(names = "--out", required = true, paramLabel = "FILE.pwb", description = "Where to write the model.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!DataLoader.isTable(data)) {
            throw new UserError("--data must be a .csv file: train makes an MLP for the rows of a table");
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pwb")) {
            throw new UserError("--out must be a .pwb file, not " + out);
        }
        TableOptions options = split.table(seed);
        TrainingSettings settings = Flags.settings("--epochs/--batch-size/--lr",
                () -> new TrainingSettings(epochs, batchSize, learningRate, seed));
        Flags.settings("--hidden", () -> TableTrainer.mlp(1, hidden, 2));
        TableTrainer.Scaling scaling = Flags.choice("--standardisation", standardisation,
                Map.entry("layer", TableTrainer.Scaling.LAYER), Map.entry("fold", TableTrainer.Scaling.FOLDED));
        AtomicFile.requireWritableFolder(out);
        CsvTable table = read(options);
        TableSplit parts = split(table, options);
        int classes = table.classNames().size();
        Flags.settings("the labels", () -> TableTrainer.mlp(table.width(), hidden, classes));
        String shape = table.width() + "-" + Arrays.stream(hidden).mapToObj(Integer::toString)
                .collect(Collectors.joining("-")) + "-" + classes;
        System.err.printf(Locale.ROOT, "training MLP %s on %d training rows of %s, %d epochs%n", shape,
                parts.training().size(), data, epochs);
        PyTorchRuntime runtime = new PyTorchRuntime();
        WeightSet weights = new TableTrainer(new NetworkTrainer(runtime)).train(parts.training(), hidden, classes,
                scaling, settings, progress(), CancelToken.NEVER);
        runtime.prepareInferenceThread();
        double trainAccuracy;
        double evalAccuracy;
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            trainAccuracy = accuracy(network, parts.training());
            evalAccuracy = accuracy(network, parts.evaluation());
        }
        // the class names go into the file (with its input shape), so eval of it needs no --class-names
        ModelSettings named = ModelSettings.of(weights.spec()).withClassNames(table.classNames());
        byte[] file = SettingsStamp.write(new WeightCodec().encode(weights), ModelFormat.PWB, named);
        AtomicFile.write(out, temp -> Files.write(temp, file));
        System.out.printf(Locale.ROOT, """
                model        %s: MLP %s (%s), standardisation %s
                data         %s: %d training rows, %d evaluation rows (share %s, seed %d); label %s
                classes      %s
                accuracy     %.2f%% on the training split, %.2f%% on the evaluation split
                size         %,d bytes
                measure it   paretowb eval --model %s --data %s%s --eval-share %s --seed %d%n""",
                out, shape, weights.spec().describe(), scaling == TableTrainer.Scaling.LAYER
                        ? "as a layer (bn) in front of the first dense layer" : "folded into the first dense layer", data, parts.training().size(), parts.evaluation().size(),
                options.evaluationShare(), seed, table.labelColumn(), String.join(", ", table.classNames()),
                trainAccuracy * 100, evalAccuracy * 100, Files.size(out), out, data,
                split.labelColumn == null ? "" : " --label-column " + split.labelColumn, options.evaluationShare(),
                seed);
        return 0;
    }

    private CsvTable read(TableOptions options) {
        try {
            return CsvTable.read(data, options.labelColumn());
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static TableSplit split(CsvTable table, TableOptions options) {
        try {
            return TableSplit.of(table.rows(), options, table.classNames());
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static double accuracy(LoadedNetwork network, LabeledImages rows) {
        return new Evaluator(250).accuracy(network, rows, CancelToken.NEVER);
    }

    /** About ten lines of progress on stderr, whatever the epochs. */
    private EpochListener progress() {
        int every = Math.max(1, epochs / 10);
        return (epoch, total, loss, accuracy, millis) -> {
            if (epoch == 1 || epoch % every == 0 || epoch == total) {
                System.err.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  train accuracy %.2f%%  %.1f s%n",
                        epoch, total, loss, accuracy * 100, millis / 1000.0);
            }
        };
    }
}
