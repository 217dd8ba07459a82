package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.LatencyComparison;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;

/** The figures of a measurement, and how each was obtained, as the commands' {@code --json} prints them. */
final class MeasurementJson {
    private MeasurementJson() {
    }

    static void put(ObjectNode o, Measurement m) {
        o.put("network", m.network());
        o.put("accuracy", m.accuracy());
        interval(o, "accuracyInterval", m.accuracyInterval());
        o.put("top5", m.top5());
        ArrayNode perClass = o.putArray("perClass");
        for (double a : m.perClass()) {
            perClass.add(a);
        }
        o.put("latencyP50Ms", m.latencyP50Ms());
        interval(o, "latencyP50IntervalMs", m.latencyP50Interval());
        interval(o, "latencyP50IntervalAcrossProcessesMs", m.latencyP50IntervalAcrossProcesses());
        if (m.how().processSpread() != null) {
            o.put("processSpread", m.how().processSpread());
        } else {
            o.putNull("processSpread");
        }
        o.put("latencyP95Ms", m.latencyP95Ms());
        o.put("sizeBytes", m.sizeBytes());
        o.put("sizeFormat", m.how().sizeFormat());
        o.put("parameters", m.parameters());
        o.put("nonZeros", m.nonZeros());
        o.put("macs", m.macs());
        o.put("throughput", m.throughput());
        o.put("throughputBatch", m.how().throughputBatch());
        o.put("samples", m.samples());
        o.put("engine", m.how().engine());
        o.put("threads", m.how().threads());
        o.put("latencyThreads", m.how().latencyThreads());
        o.put("evaluationSet", m.how().evaluationSet());
        o.put("subset", m.how().subset());
        o.put("latencyRuns", m.how().latencyTimedRuns());
        o.put("latencyWarmupRuns", m.how().latencyWarmupRuns());
        o.put("latencyRounds", m.how().latencyRounds());
        o.put("latencyCapped", m.how().latencyCapped());
        o.put("session", m.how().session());
        o.put("machine", m.how().machine());
        if (m.how().otherCpuShare() != null) {
            o.put("otherCpuShare", m.how().otherCpuShare());
        } else {
            o.putNull("otherCpuShare");
        }
        o.put("busy", m.how().busy());
        o.put("kernels", m.how().realKernels() ? "real" : "simulated");
        o.put("kernelsDetail", m.how().kernels());
        if (m.sessionBaseline() != null) {
            ObjectNode b = o.putObject("sessionBaseline");
            b.put("latencyP50Ms", m.sessionBaseline().p50Ms());
            interval(b, "latencyP50IntervalMs", m.sessionBaseline().p50Interval());
            LatencyComparison c = LatencyComparison.withinRounds(m);
            b.put("latencyGain", c.gain());
            b.put("latency", c.text());
            b.put("measurable", c.measurable());
        }
    }

    /** [low, high], or null when the figure has none. */
    static void interval(ObjectNode o, String key, Interval interval) {
        if (interval == null) {
            o.putNull(key);
        } else {
            o.putArray(key).add(interval.low()).add(interval.high());
        }
    }

    /** The stderr line for a point measured while other processes took the CPU, or null when none is due. */
    static String busyWarning(Measurement m) {
        Provenance how = m.how();
        if (!how.busy()) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "paretowb: other processes took %.0f%% of the CPU while measuring"
                + " (more than %.0f%%): latency and throughput are likely overstated; measure again on a quiet"
                + " machine", how.otherCpuShare() * 100, Provenance.BUSY_SHARE * 100);
    }
}
