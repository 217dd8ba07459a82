package org.paretowb.services.runtime;

import java.util.Locale;

/**
 * The device measurements run on, and why when it is not the one asked for. It is a setting: the system property
 * {@value #PROPERTY} or the environment variable {@value #VARIABLE}, {@code cpu} (the default), {@code gpu} or
 * {@code cuda:N}. A GPU is used only where a CUDA build of the engine is on the class path (the {@code -Pgpu} build)
 * and the device opens; otherwise the CPU is used and {@link #fallback()} says why. Every measurement names its
 * device in its engine description.
 *
 * @param gpu whether this is a CUDA device
 * @param index the CUDA device's index (0 for the CPU)
 * @param fallback why the CPU is used although a GPU was asked for; null when the device is the one asked for
 */
public record ComputeDevice(boolean gpu, int index, String fallback) {
    public static final String PROPERTY = "paretowb.device";
    public static final String VARIABLE = "PARETOWB_DEVICE";
    public static final ComputeDevice CPU = new ComputeDevice(false, 0, null);

    /** The CUDA device asked for by the setting, or -1 for the CPU; a message for a value that is neither. */
    public static int requestedGpu() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            value = System.getenv(VARIABLE);
        }
        return parse(value);
    }

    static int parse(String value) {
        String v = value == null ? "cpu" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("cpu")) {
            return -1;
        }
        if (v.equals("gpu") || v.equals("cuda")) {
            return 0;
        }
        if (v.startsWith("cuda:")) {
            try {
                int index = Integer.parseInt(v.substring(5));
                if (index >= 0) {
                    return index;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(PROPERTY + " must be cpu, gpu or cuda:N, not '" + value + "'");
    }

    /** The CPU, with the reason a GPU was not used. */
    public static ComputeDevice cpuBecause(String reason) {
        return new ComputeDevice(false, 0, reason);
    }

    public static ComputeDevice cuda(int index) {
        return new ComputeDevice(true, index, null);
    }

    /** "CPU" or "CUDA GPU 0", as measurements name it. */
    public String describe() {
        return gpu ? "CUDA GPU " + index : "CPU";
    }

    /** The one-line message a user is shown when a GPU was asked for and the CPU is used instead. */
    public String message() {
        return fallback == null ? "" : "no GPU: " + fallback + "; measuring on the CPU";
    }
}
