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
        throw new UserError("--spark " + master + ": no Spark lane on the class path; run the sweep with the Spark job"
                + " jar and Spark's jars, as the README's \"Sweeps on Apache Spark\" says (java -cp"
                + " \"spark-jars/*:paretowb.jar:paretowb-spark.jar\" org.paretowb.app.main.Main sweep ...)");
    }
}
