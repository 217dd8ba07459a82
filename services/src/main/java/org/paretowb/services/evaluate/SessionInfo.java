package org.paretowb.services.evaluate;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import oshi.SystemInfo;

/**
 * The measuring session a point belongs to, and the machine: one session per process (a window, a command),
 * whose own baseline its points' latencies are compared with. A point of another session was measured at another
 * time, perhaps on another machine or under another load; it is marked, and compared only with its own session's
 * baseline.
 *
 * @param id unique per process: when it started and a random suffix ("20261206-213005-4f3a")
 * @param machine the host name and the CPU ("build-7 · AMD EPYC 7B13, 2 logical cores")
 */
public record SessionInfo(String id, String machine) {

    /** This process's session. */
    public static SessionInfo current() {
        return Holder.CURRENT;
    }

    /** Made once per process, on first use (reading the CPU's name takes a few milliseconds). */
    private static final class Holder {
        static final SessionInfo CURRENT = new SessionInfo(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + "-"
                        + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000)),
                describeMachine());
    }

    private static String describeMachine() {
        try {
            SystemInfo system = new SystemInfo();
            String host = system.getOperatingSystem().getNetworkParams().getHostName();
            var cpu = system.getHardware().getProcessor();
            return (host == null || host.isBlank() ? "unknown host" : host.strip()) + " \u00b7 "
                    + cpu.getProcessorIdentifier().getName().strip() + ", " + cpu.getLogicalProcessorCount()
                    + " logical cores";
        } catch (RuntimeException | LinkageError e) {
            return "unknown machine (" + e.getClass().getSimpleName() + ")";
        }
    }
}
