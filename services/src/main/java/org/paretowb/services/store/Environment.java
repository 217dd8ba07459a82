package org.paretowb.services.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * The software and hardware a point was measured with, saved with it: the workbench, DJL, Java, the
 * operating system, the CPU (name, cores, instruction-set flags that decide int8 speed) and memory. The
 * engines' own versions are in each measurement's provenance.
 */
public final class Environment {
    private static Map<String, String> current;

    private Environment() {
    }

    /** Read once per process. */
    public static synchronized Map<String, String> current() {
        if (current == null) {
            current = Map.copyOf(read());
        }
        return current;
    }

    private static Map<String, String> read() {
        Map<String, String> env = new LinkedHashMap<>();
        Package pkg = Environment.class.getPackage();
        env.put("workbench", pkg.getImplementationVersion() == null ? "development build" : pkg.getImplementationVersion());
        env.put("djl", ai.djl.engine.Engine.getDjlVersion());
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        try {
            SystemInfo system = new SystemInfo();
            CentralProcessor cpu = system.getHardware().getProcessor();
            env.put("cpu", cpu.getProcessorIdentifier().getName().strip());
            env.put("cores", cpu.getPhysicalProcessorCount() + " physical, " + cpu.getLogicalProcessorCount() + " logical");
            env.put("cpuFlags", vectorFlags(cpu.getFeatureFlags()));
            env.put("memory", String.format(Locale.ROOT, "%.1f GiB",
                    system.getHardware().getMemory().getTotal() / (1024.0 * 1024 * 1024)));
        } catch (RuntimeException | LinkageError e) {
            env.put("cpu", "unknown (" + e.getClass().getSimpleName() + ")");
        }
        return env;
    }

    /** The vector extensions among the CPU's flags (AVX2, AVX-512, VNNI…): they decide what int8 gains. */
    private static String vectorFlags(java.util.List<String> flagLines) {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (String line : flagLines) {
            for (String flag : line.toLowerCase(Locale.ROOT).split("[\\s:]+")) {
                if (flag.startsWith("avx") || flag.equals("fma") || flag.contains("vnni") || flag.startsWith("sse4")
                        || flag.equals("f16c") || flag.startsWith("amx")) {
                    found.add(flag);
                }
            }
        }
        return found.isEmpty() ? "none reported" : String.join(" ", found);
    }
}
