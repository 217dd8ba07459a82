package org.paretowb.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The channel groups structured pruning removes together (dependency graph): for each, the layers whose output
 * channels are tied through residual adds, concatenations, depthwise convolutions and channel scalings, its unit
 * count, and with {@code --structured} how many units the settings keep.
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = {"List the groups of layers whose channels structured pruning removes together (through residual",
                "adds, concatenations, depthwise convolutions, batch norms and channel scalings), and with",
                "--structured how many channels each keeps."})
public final class GroupsCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", converter = ModelChoice.class,
            description = "cnn, cnn-wide, mlp or a model file (.onnx, .pwb, .djl) (default: ${DEFAULT-VALUE}).")
    ModelSource model;

    @Option(names = "--structured", defaultValue = "0", paramLabel = "RATIO",
            description = "Fraction of channels and neurons removed, 0 to below 1 (default: ${DEFAULT-VALUE}: list only).")
    double structured;

    @Option(names = "--structured-norm", defaultValue = "L1", paramLabel = "L1|L2",
            description = "Norm ranking the units (default: ${DEFAULT-VALUE}).")
    StructuredPruningSettings.Norm norm;

    @Option(names = "--structured-scope", defaultValue = "layer", paramLabel = "layer|global",
            description = "The ratio from each group, or from all units together (default: ${DEFAULT-VALUE}).")
    String scope;

    @Override
    public Integer call() {
        if (structured < 0 || structured >= 1) {
            throw new UserError("--structured must be from 0 to below 1, got " + structured);
        }
        StructuredPruningSettings settings = new StructuredPruningSettings(structured, norm,
                Flags.choice("--structured-scope", scope, Map.entry("layer", StructuredPruningSettings.Scope.PER_LAYER),
                        Map.entry("global", StructuredPruningSettings.Scope.GLOBAL)));
        WeightSet weights = model.weights();
        ChannelPruner pruner = new ChannelPruner();
        List<ChannelPruner.Group> groups = structured > 0 ? pruner.groups(weights, settings)
                : pruner.groups(weights.spec());
        int units = groups.stream().mapToInt(ChannelPruner.Group::units).sum();
        int kept = groups.stream().mapToInt(ChannelPruner.Group::kept).sum();
        System.out.printf(Locale.ROOT, "%s: %d groups, %,d units%s%n", model.title(), groups.size(), units,
                structured > 0 ? String.format(Locale.ROOT, ", %,d kept (%s, %s scope, %.0f%% asked)", kept,
                        norm, scope, structured * 100) : "");
        for (int g = 0; g < groups.size(); g++) {
            ChannelPruner.Group group = groups.get(g);
            String count = structured > 0 ? group.kept() + " of " + group.units() : String.valueOf(group.units());
            System.out.printf(Locale.ROOT, "%3d  %-11s %s%n", g + 1, count, String.join(", ", group.layers()));
        }
        return 0;
    }
}
