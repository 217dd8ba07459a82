package org.paretowb.charts.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Forgetting;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.Technique;

/**
 * The columns of the CSV and the fields of the JSON, one definition for both: every figure of a point, how
 * it was measured, its gains against the baseline and what it forgot. Values are raw (fractions, bytes,
 * milliseconds); a figure that cannot be had is null.
 */
final class PointColumns {
    private record Column(String key, Function<EvaluatedPoint, Object> value) {
    }

    private final ReportAnalysis analysis;
    private final List<Column> columns = new ArrayList<>();

    PointColumns(ReportAnalysis analysis) {
        this.analysis = analysis;
        add("id", EvaluatedPoint::id);
        add("name", EvaluatedPoint::name);
        add("recipe", p -> p.ensemble() ? p.measurement().how().describeEnsemble() : p.recipe().summary());
        add("technique", p -> Technique.of(p.recipe()).title());
        add("baseline", analysis::isBaseline);
        add("latencyFrontier", analysis::onLatencyFront);
        add("sizeFrontier", analysis::onSizeFront);
        figure("accuracy", Measurement::accuracy);
        figure("accuracyLow", m -> m.accuracyInterval().low());
        figure("accuracyHigh", m -> m.accuracyInterval().high());
        figure("top5", Measurement::top5);
        figure("latencyP50Ms", Measurement::latencyP50Ms);
        figure("latencyP50LowMs", m -> m.latencyP50Interval() == null ? null : m.latencyP50Interval().low());
        figure("latencyP50HighMs", m -> m.latencyP50Interval() == null ? null : m.latencyP50Interval().high());
        figure("latencyP50AcrossProcessesLowMs", m -> m.latencyP50IntervalAcrossProcesses() == null ? null
                : m.latencyP50IntervalAcrossProcesses().low());
        figure("latencyP50AcrossProcessesHighMs", m -> m.latencyP50IntervalAcrossProcesses() == null ? null
                : m.latencyP50IntervalAcrossProcesses().high());
        figure("latencyP95Ms", Measurement::latencyP95Ms);
        figure("sizeBytes", Measurement::sizeBytes);
        figure("parameters", Measurement::parameters);
        figure("nonZeros", Measurement::nonZeros);
        figure("macs", Measurement::macs);
        figure("throughput", Measurement::throughput);
        figure("samples", Measurement::samples);
        how("subset", Provenance::subset);
        how("evaluationSet", Provenance::evaluationSet);
        how("engine", Provenance::engine);
        how("threads", Provenance::threads);
        how("latencyThreads", Provenance::latencyThreads);
        how("latencyWarmupRuns", Provenance::latencyWarmupRuns);
        how("latencyTimedRuns", Provenance::latencyTimedRuns);
        how("latencyRounds", Provenance::latencyRounds);
        how("latencyCapped", Provenance::latencyCapped);
        how("session", Provenance::session);
        how("machine", Provenance::machine);
        how("otherCpuShare", Provenance::otherCpuShare);
        how("throughputBatch", Provenance::throughputBatch);
        how("kernels", pr -> pr.realKernels() ? "real" : "simulated");
        how("kernelsDetail", Provenance::kernels);
        how("sizeFormat", Provenance::sizeFormat);
        figure("network", Measurement::network);
        gain("nonZerosGain", Gains::nonZerosGain);
        gain("macsGain", Gains::macsGain);
        gain("nominalComputeGain", Gains::nominalComputeGain);
        gain("sizeGain", Gains::sizeGain);
        gain("latencyGain", Gains::latencyGain);
        gain("latencyComparison", g -> g.latency().text());
        gain("gainCause", Gains::cause);
        forgot("comparedImages", Forgetting::images);
        forgot("lost", f -> f.lost().size());
        forgot("gained", f -> f.gained().size());
        int classes = analysis.input().points().stream().mapToInt(p -> p.measurement().perClass().length).max()
                .orElse(0);
        for (int c = 0; c < classes; c++) {
            int index = c;
            figure("perClass:" + analysis.input().className(c),
                    m -> index < m.perClass().length ? m.perClass()[index] : null);
        }
    }

    private void add(String key, Function<EvaluatedPoint, Object> value) {
        columns.add(new Column(key, p -> finite(value.apply(p))));
    }

    private void figure(String key, Function<Measurement, Object> value) {
        add(key, p -> value.apply(p.measurement()));
    }

    private void how(String key, Function<Provenance, Object> value) {
        add(key, p -> value.apply(p.measurement().how()));
    }

    private void gain(String key, Function<Gains, Object> value) {
        add(key, p -> analysis.isBaseline(p) ? null : analysis.gains(p).map(value).orElse(null));
    }

    private void forgot(String key, Function<Forgetting, Object> value) {
        add(key, p -> analysis.isBaseline(p) ? null : analysis.forgetting(p).map(value).orElse(null));
    }

    private static Object finite(Object value) {
        return value instanceof Double d && !Double.isFinite(d) ? null : value;
    }

    List<String> keys() {
        return columns.stream().map(Column::key).toList();
    }

    /** The point's values, by key, in column order. */
    Map<String, Object> row(EvaluatedPoint point) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : columns) {
            row.put(c.key(), c.value().apply(point));
        }
        return Collections.unmodifiableMap(row);
    }

    List<Map<String, Object>> rows() {
        return analysis.input().points().stream().map(this::row).toList();
    }
}
