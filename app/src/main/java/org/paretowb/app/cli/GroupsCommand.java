package org.paretowb.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.usecase.ModelSource;
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

    @picocli.CommandLine.Mixin
    StructuredOptions structured = new StructuredOptions();

    @Override
    public Integer call() {
        StructuredPruningSettings settings = structured.settings();
        boolean asked = settings.active();
        WeightSet weights = model.weights();
        ChannelPruner pruner = new ChannelPruner();
        List<ChannelPruner.Group> groups = asked ? pruner.groups(weights, settings)
                : pruner.groups(weights.spec());
        int units = groups.stream().mapToInt(ChannelPruner.Group::units).sum();
        int kept = groups.stream().mapToInt(ChannelPruner.Group::kept).sum();
        System.out.printf(Locale.ROOT, "%s: %d groups, %,d units%s%n", model.title(), groups.size(), units,
                asked ? String.format(Locale.ROOT, ", %,d kept (%s, %s scope, %.0f%% asked)", kept,
                        settings.norm(), structured.scope, settings.ratio() * 100) : "");
        for (int g = 0; g < groups.size(); g++) {
            ChannelPruner.Group group = groups.get(g);
            String count = asked ? group.kept() + " of " + group.units() : String.valueOf(group.units());
            System.out.printf(Locale.ROOT, "%3d  %-11s %s%n", g + 1, count, String.join(", ", group.layers()));
        }
        return 0;
    }
}
