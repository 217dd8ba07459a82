package org.paretowb.services.sweep;

import java.util.ServiceLoader;
import org.paretowb.services.usecase.UserError;

/** Finds the remote lane for a master URL among the providers on the class path. */
public final class RemoteLanes {
    private RemoteLanes() {
    }

    /** A lane on {@code master}; a message saying how to put the Spark job jar on the class path when none is. */
    public static RecipeBatchLane open(String master, SweepJob job) {
        for (RemoteLaneProvider provider : ServiceLoader.load(RemoteLaneProvider.class)) {
            if (provider.accepts(master)) {
                return provider.open(master, job);
            }
        }
        // the command line that does it is the application's to say (README, "Sweeps on Apache Spark"): services names
        // no class of the app, which would make a package cycle
        throw new UserError("--spark " + master + ": no Spark lane on the class path; run the sweep with Spark's jars,"
                + " the workbench's jar (paretowb.jar) and the Spark job jar (paretowb-spark.jar) on the class path, as"
                + " the README's \"Sweeps on Apache Spark\" says");
    }
}
