package org.paretowb.app.cli;

import org.paretowb.services.search.Goal;
import org.paretowb.services.search.Objective;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Option;

/** What a search optimises and the accuracy it may lose: the options {@code search} and {@code bench search} share. */
final class GoalOptions {
    @Option(names = "--max-drop", defaultValue = "1.0", paramLabel = "POINTS",
            description = "Largest accuracy drop accepted, in points of top-1 against the baseline measured on the same"
                    + " images (default: ${DEFAULT-VALUE}).")
    double maxDrop;

    @Option(names = "--minimise", paramLabel = "latency|bytes|macs",
            description = "Minimise batch-1 latency p50 (default), serialized bytes or MACs.")
    String minimise;

    @Option(names = "--maximise", paramLabel = "throughput", description = "Maximise throughput instead.")
    String maximise;

    /** The goal the options name; a user error for both --minimise and --maximise or an objective of the other. */
    Goal goal() {
        if (minimise != null && maximise != null) {
            throw new UserError("give --minimise or --maximise, not both");
        }
        Objective objective;
        try {
            objective = maximise != null ? Objective.parse(maximise) : Objective.parse(minimise == null ? "latency"
                    : minimise);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (maximise != null && !objective.maximised() || maximise == null && objective.maximised()) {
            throw new UserError(maximise != null ? "--maximise takes throughput; latency, bytes and macs go with"
                    + " --minimise" : "--minimise takes latency, bytes or macs; throughput goes with --maximise");
        }
        return Flags.settings("--max-drop", () -> new Goal(objective, maxDrop));
    }
}
