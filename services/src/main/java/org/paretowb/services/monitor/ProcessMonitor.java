package org.paretowb.services.monitor;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * What this process costs the machine, for the status bar (through OSHI): CPU use since the previous
 * sample, as a share of all cores; JVM heap in use and its limit; resident memory of the whole process,
 * native memory (libtorch, ONNX Runtime) included.
 */
public final class ProcessMonitor {
    private final OperatingSystem os = new SystemInfo().getOperatingSystem();
    private final int pid = os.getProcessId();
    private OSProcess previous;

    /** One sample. @param cpuShare CPU time over wall time since the previous sample, over all cores, 0 to 1 */
    public record Sample(double cpuShare, long heapUsedBytes, long heapMaxBytes, long residentBytes) {
    }

    public synchronized Sample sample() {
        OSProcess now = os.getProcess(pid);
        double cpu = 0;
        long resident = -1;
        if (now != null) {
            cpu = previous == null ? 0 : now.getProcessCpuLoadBetweenTicks(previous)
                    / Runtime.getRuntime().availableProcessors();
            resident = now.getResidentSetSize();
            previous = now;
        }
        Runtime jvm = Runtime.getRuntime();
        return new Sample(Math.max(0, Math.min(1, cpu)), jvm.totalMemory() - jvm.freeMemory(), jvm.maxMemory(), resident);
    }
}
