package org.paretowb.services.monitor;

import java.lang.management.ManagementFactory;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * How much of the machine other processes took while something was measured (through OSHI): the CPU time of all
 * cores that was not idle, less this process's own CPU time, over all cores' time. Time the hypervisor stole from
 * a virtual machine counts as taken: it slows timing just the same. The operating system counts in ticks of 10 ms,
 * so over a measurement of a few hundred milliseconds the share is good to a few percent.
 */
public final class OtherProcesses {
    private final CentralProcessor cpu;
    private final OperatingSystem os;
    private final int pid;

    public OtherProcesses() {
        SystemInfo system = new SystemInfo();
        this.cpu = system.getHardware().getProcessor();
        this.os = system.getOperatingSystem();
        this.pid = os.getProcessId();
    }

    /** The machine's CPU counters and this process's CPU time at one moment. */
    public record Mark(long[] ticks, long ownMillis) {
    }

    public Mark mark() {
        long[] fresh = ProcStat.machineMillis();
        return new Mark(fresh != null ? fresh : cpu.getSystemCpuLoadTicks(), ownMillis());
    }

    /**
     * This process's CPU time, counted as the machine's counters are: on Linux from {@code /proc/self/stat} (user
     * and system clock ticks of every thread, 100 per second), the same tick accounting as the machine's counters.
     * The JVM's precise figure does not suit: over a point of a few hundred milliseconds the kernel's tick counters
     * of the machine lag behind it, and an idle machine read as 25% taken by others (eval on the CNN, 0.35 s).
     * Elsewhere from the JVM, else from OSHI.
     */
    private long ownMillis() {
        Long ticks = ProcStat.cpuTicks();
        if (ticks != null) {
            return ticks * 10;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean jvm) {
            long nanos = jvm.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos / 1_000_000;
            }
        }
        OSProcess self = os.getProcess(pid);
        return self == null ? 0 : self.getUserTime() + self.getKernelTime();
    }

    /** The share of all cores' time that other processes used since {@code before}, 0 to 1. */
    public double shareSince(Mark before) {
        return share(before, mark());
    }

    /**
     * Other processes' share between two marks: (busy time of all cores - this process's CPU time) / (all cores'
     * time), where busy is everything but idle and waiting for I/O. 0 when no time passed on the counters.
     */
    static double share(Mark before, Mark after) {
        long total = 0;
        long idle = 0;
        for (TickType type : TickType.values()) {
            long delta = after.ticks()[type.getIndex()] - before.ticks()[type.getIndex()];
            total += delta;
            if (type == TickType.IDLE || type == TickType.IOWAIT) {
                idle += delta;
            }
        }
        if (total <= 0) {
            return 0;
        }
        long others = total - idle - (after.ownMillis() - before.ownMillis());
        return Math.max(0, Math.min(1, (double) others / total));
    }
}
