package org.paretowb.services.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU clock ticks from Linux's {@code /proc}: this process's (user and system, all threads, {@code /proc/self/stat})
 * and the machine's ({@code /proc/stat}), read afresh on every call. OSHI keeps the machine's counters for a while
 * once read, so a mark taken a few hundred milliseconds after the last one got an old figure: the busy time between
 * the two reads then counted as other processes' (an idle machine read as 25% taken, on the CNN's 0.35 s points).
 */
final class ProcStat {
    private static final Path FILE = Path.of("/proc/self/stat");
    private static final Path MACHINE = Path.of("/proc/stat");

    /**
     * The machine's ticks in milliseconds in the order of OSHI's TickType (user, nice, system, idle, iowait, irq,
     * softirq, steal), or null where /proc/stat cannot be read.
     */
    static long[] machineMillis() {
        try (var lines = Files.lines(MACHINE)) {
            return machine(lines.findFirst().orElseThrow());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The first line of /proc/stat ("cpu  user nice system idle iowait irq softirq steal ...") in milliseconds. */
    static long[] machine(String line) {
        String[] fields = line.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not the all-CPU line of /proc/stat: " + line);
        }
        long[] millis = new long[8];
        for (int i = 0; i < 8; i++) {
            millis[i] = Long.parseLong(fields[i + 1]) * 10;
        }
        return millis;
    }

    private ProcStat() {
    }

    /** utime + stime in clock ticks, or null where the file is missing or unreadable (not Linux). */
    static Long cpuTicks() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Fields 14 and 15 of the line, counted after the command name's closing parenthesis (which may hold spaces). */
    static long parse(String line) {
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
