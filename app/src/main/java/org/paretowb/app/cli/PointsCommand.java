package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.models.measure.Measurement;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "points", mixinStandardHelpOptions = true,
        description = "List the points saved in a workspace, oldest first, and check the file's integrity.")
public final class PointsCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "The workspace to read.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no workspace at " + file);
        }
        try (Workspace workspace = Workspace.open(file)) {
            List<StoredPoint> points = workspace.points();
            System.out.printf(Locale.ROOT, "%5s  %-34s %8s %9s %12s  %-8s %s%n", "id", "model", "top-1", "p50 ms",
                    "bytes", "images", "recipe");
            for (StoredPoint stored : points) {
                Measurement m = stored.point().measurement();
                System.out.printf(Locale.ROOT, "%5d  %-34s %7.2f%% %9.3f %,12d  %-8s %s%n", stored.point().id(),
                        stored.context().model(), m.accuracy() * 100, m.latencyP50Ms(), m.sizeBytes(),
                        String.format(Locale.ROOT, "%,d", m.samples()), stored.point().title()
                                + (stored.point().ensemble() ? "; bytes: " + m.how().sizeFormat() : ""));
            }
            System.err.printf(Locale.ROOT, "%d point(s) in %s; integrity check: %s%n", points.size(), workspace.file(),
                    workspace.integrityCheck());
        }
        return 0;
    }
}
