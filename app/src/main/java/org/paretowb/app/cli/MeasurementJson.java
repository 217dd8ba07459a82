package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paretowb.models.measure.Measurement;

/** The figures of a measurement, and how each was obtained, as the commands' {@code --json} prints them. */
final class MeasurementJson {
    private MeasurementJson() {
    }

    static void put(ObjectNode o, Measurement m) {
        o.put("network", m.network());
        o.put("accuracy", m.accuracy());
        o.put("top5", m.top5());
        ArrayNode perClass = o.putArray("perClass");
        for (double a : m.perClass()) {
            perClass.add(a);
        }
        o.put("latencyP50Ms", m.latencyP50Ms());
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
        o.put("kernels", m.how().realKernels() ? "real" : "simulated");
        o.put("kernelsDetail", m.how().kernels());
    }
}
