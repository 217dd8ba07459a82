package org.paretowb.services.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps glibc from handing libtorch's freed tensor memory back to the kernel after every operator.
 *
 * <p>An eager engine allocates a new output tensor per operator (megabytes at evaluation batch sizes) and
 * frees it moments later. With glibc's defaults such blocks are unmapped or trimmed on free, so the next
 * operator page-faults the memory in again and the kernel zeroes it: measured here, a 10k-image CNN
 * evaluation made 1.5 million minor page faults and spent most of its extra time in the kernel. Raising
 * the mmap threshold to its maximum (32 MiB) and the trim threshold to 1 GiB lets freed blocks be reused.
 * It is what the environment variables MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ do, applied
 * from inside the process because a {@code java -jar} cannot set its own environment.
 */
public final class MallocTuning {
    /** Set to false to measure without the tuning ({@code -Dparetowb.mallocTuning=false}). */
    public static final String PROPERTY = "paretowb.mallocTuning";

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;

    private static String applied;

    private MallocTuning() {
    }

    interface CLibrary extends Library {
        int mallopt(int parameter, int value);
    }

    /** Applies the tuning once per process; returns what is in force, for the record. */
    public static synchronized String apply() {
        if (applied == null) {
            applied = tune();
        }
        return applied;
    }

    private static String tune() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return "system default (tuning switched off)";
        }
        if (!Platform.isLinux()) {
            return "system default";
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            boolean ok = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
            return ok ? "glibc malloc: mmap threshold 32 MiB, trim threshold 1 GiB" : "system default (mallopt refused)";
        } catch (LinkageError e) {
            return "system default (no glibc mallopt)";
        }
    }
}
