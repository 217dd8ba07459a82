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
 * the mmap threshold to its maximum (32 MiB), the trim threshold to 1 GiB and the top pad to 256 MiB lets
 * freed blocks be reused (each of the first two alone made it worse: setting one switches off glibc's
 * dynamic adjustment of both). It is what MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_ and
 * MALLOC_TOP_PAD_ do, applied
 * from inside the process because a {@code java -jar} cannot set its own environment.
 */
public final class MallocTuning {
    /** Set to false to measure without the tuning ({@code -Dparetowb.mallocTuning=false}). */
    public static final String PROPERTY = "paretowb.mallocTuning";

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;
    private static final int TOP_PAD = 256 << 20;

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
                    && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                    && c.mallopt(M_TOP_PAD, TOP_PAD) == 1;
            return ok ? "glibc malloc: mmap threshold 32 MiB, trim threshold 1 GiB, top pad 256 MiB"
                    : "system default (mallopt refused)";
        } catch (LinkageError e) {
            return "system default (no glibc mallopt)";
        }
    }
}
