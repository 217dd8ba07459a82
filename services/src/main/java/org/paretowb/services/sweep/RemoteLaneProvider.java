package org.paretowb.services.sweep;

/**
 * A cluster a sweep can run on, found with {@link java.util.ServiceLoader} (the {@code spark} module's job jar
 * provides one), so that the desktop jar never depends on a cluster's libraries.
 */
public interface RemoteLaneProvider {
    /** Whether {@code master} names a cluster of this kind ({@code local[*]}, {@code spark://host:7077}, ...). */
    boolean accepts(String master);

    /** Connects to {@code master} and ships {@code job}; the lane is closed by the caller. */
    RecipeBatchLane open(String master, SweepJob job);
}
