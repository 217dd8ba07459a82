package org.paretowb.app.cli;

import java.util.Map;
import org.paretowb.models.recipe.StructuredPruningSettings;
import picocli.CommandLine.Option;

/** The structured pruning flags, shared by the commands that apply a recipe and by {@code groups}. */
public final class StructuredOptions {
    @Option(names = "--structured", defaultValue = "0", paramLabel = "RATIO",
            description = "Structured pruning: fraction of channels and hidden neurons removed, 0 to below 1.")
    double ratio;

    @Option(names = "--structured-norm", defaultValue = "L1", paramLabel = "L1|L2",
            description = "Norm ranking channels and neurons for --structured (default: ${DEFAULT-VALUE}).")
    StructuredPruningSettings.Norm norm;

    @Option(names = "--structured-scope", defaultValue = "layer", paramLabel = "layer|global",
            description = "Remove the --structured ratio from each layer, or from all prunable units together,"
                    + " where they are relatively weakest (default: ${DEFAULT-VALUE}).")
    String scope;

    /** The settings the flags give; a ratio or scope out of range is refused in one line. */
    StructuredPruningSettings settings() {
        return Flags.settings("--structured", () -> new StructuredPruningSettings(ratio, norm,
                Flags.choice("--structured-scope", scope,
                        Map.entry("layer", StructuredPruningSettings.Scope.PER_LAYER),
                        Map.entry("global", StructuredPruningSettings.Scope.GLOBAL))));
    }
}
