package org.paretowb.spark;

import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.sweep.RemoteLaneProvider;
import org.paretowb.services.sweep.SweepJob;

/** Spark's masters: {@code local[N]}, {@code local[*]}, {@code spark://host:port}, {@code yarn}, {@code k8s://...}. */
public final class SparkLaneProvider implements RemoteLaneProvider {
    @Override
    public boolean accepts(String master) {
        return master.startsWith("local") || master.startsWith("spark://") || master.equals("yarn")
                || master.startsWith("k8s://");
    }

    @Override
    public RecipeBatchLane open(String master, SweepJob job) {
        return new SparkLane(master, job);
    }
}
