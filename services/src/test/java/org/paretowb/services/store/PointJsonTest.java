package org.paretowb.services.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

class PointJsonTest {
    static final Recipe EVERYTHING = Recipe.builder()
            .distillation(new DistillationSettings("mlp:64", 4, 0.7, 3, 0.01, DistillationSettings.Optimizer.SGD, 1e-4,
                    128, 2))
            .structured(new StructuredPruningSettings(0.3, StructuredPruningSettings.Norm.L2,
                    StructuredPruningSettings.Scope.GLOBAL))
            .lowRank(new LowRankSettings(0.5, LowRankSettings.Criterion.ENERGY, LowRankSettings.Target.ALL))
            .pruning(new PruningSettings(0.6, PruningSettings.Scope.GLOBAL))
            .fineTune(new FineTuneSettings(2, 1e-3, FineTuneSettings.Optimizer.SGD, FineTuneSettings.Schedule.STEP, 0.8,
                    1e-5, 1e-4, 64))
            .removal(org.paretowb.models.recipe.LayerRemovalSettings.parse("fc2"))
            .quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, false, false, 500,
                    QuantizationSettings.Observer.PERCENTILE, new Int8Layers(Int8Layers.Kind.LISTED, List.of("conv2", "fc1"))))
            .build();

    static Measurement measurement() {
        return Measurement.builder().accuracy(0.91, 0.99, new double[] {0.9, Double.NaN, 0.8})
                .latency(0.07, 0.09, new Interval(0.068, 0.073))
                .sessionBaseline(new Measurement.Timing(0.071, new Interval(0.069, 0.074)))
                .sizeBytes(123_456).counts(1000, 400, 5000).throughput(12_000.5).predictions(new byte[] {1, 2, 3, 9})
                .network("1x28x28 conv(8) relu")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("Fashion-MNIST test", true)
                        .latencyRuns(20, 200).latencyRounds(10, false).throughputBatch(64)
                        .kernels("real int8 kernels in conv2", true).int8Layers(List.of("conv2")).sizeFormat("PWB1")
                        .session("20261206-213005-4f3a", "vm \u00b7 AMD EPYC, 2 logical cores").otherCpuShare(0.03)
                        .build())
                .build();
    }

    /** A measurement as versions before intervals and sessions wrote it (their JSON has none of those fields). */
    static Measurement older() {
        return Measurement.builder().accuracy(0.91, 0.99, new double[] {0.9, 0.8}).latency(0.07, 0.09)
                .sizeBytes(123_456).counts(1000, 400, 5000).throughput(12_000.5).predictions(new byte[] {1, 2})
                .network("1x28x28 conv(8) relu")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("Fashion-MNIST test", false)
                        .latencyRuns(20, 200).throughputBatch(64).kernels("fp32 kernels", true).sizeFormat("PWB1")
                        .build())
                .build();
    }

    @Test
    void aRecipeStoredBeforeLayerRemovalAndFineTuningsHyperParametersReadsWithTheirDefaults() {
        String stored = PointJson.write(Recipe.builder().pruning(new PruningSettings(0.9, PruningSettings.Scope.GLOBAL))
                .fineTune(new FineTuneSettings(2, 5e-4)).build());
        Recipe read = PointJson.recipe(stored.replaceAll(",\"removal\":\\{[^}]*}", "")
                .replaceAll(",\"optimizer\":\"ADAM\",\"schedule[^}]*", ""));
        assertEquals(new FineTuneSettings(2, 5e-4), read.fineTune());
        assertEquals(org.paretowb.models.recipe.LayerRemovalSettings.NONE, read.removal());
    }

    @Test
    void aRecipeWithEverySettingRoundTrips() {
        assertEquals(EVERYTHING, PointJson.recipe(PointJson.write(EVERYTHING)));
        assertEquals(Recipe.BASELINE, PointJson.recipe(PointJson.write(Recipe.BASELINE)));
    }

    @Test
    void aMeasurementRoundTripsWithItsPredictionsAndProvenance() {
        Measurement m = measurement();
        Measurement back = PointJson.measurement(PointJson.write(m));
        assertEquals(m.accuracy(), back.accuracy());
        assertArrayEquals(m.perClass(), back.perClass());
        assertArrayEquals(m.predictions(), back.predictions());
        assertEquals(m.how(), back.how());
        assertEquals(m.throughput(), back.throughput());
        assertEquals(m.network(), back.network());
        assertEquals(m.latencyP50Interval(), back.latencyP50Interval());
        assertEquals(m.sessionBaseline(), back.sessionBaseline());
        assertEquals(0.03, back.how().otherCpuShare());
    }

    @Test
    void aMeasurementWrittenBeforeIntervalsReadsWithNoneAndNoSession() {
        String json = PointJson.write(older()).replaceAll(",\"(latencyP50Interval|sessionBaseline)\":null", "")
                .replaceAll(",\"(session|machine)\":\"\"", "").replaceAll(",\"latencyRounds\":0", "")
                .replaceAll(",\"latencyCapped\":false", "").replaceAll(",\"otherCpuShare\":null", "");
        org.junit.jupiter.api.Assertions.assertFalse(json.matches(".*(Interval|session|machine|Rounds|Capped|otherCpu).*"),
                json);

        Measurement back = PointJson.measurement(json);

        assertEquals(null, back.latencyP50Interval());
        assertEquals(null, back.sessionBaseline());
        assertEquals("", back.how().session());
        assertEquals(null, back.how().otherCpuShare(), "not recorded is not 'quiet'");
        assertEquals(0.07, back.latencyP50Ms());
    }

    @Test
    void anEnsembleRoundTripsAndAMeasurementWrittenBeforeEnsemblesIsASingleNetwork() {
        Measurement m = measurement();
        org.paretowb.models.measure.Provenance how = m.how();
        org.paretowb.models.measure.Provenance ensemble = new org.paretowb.models.measure.Provenance(how.engine(),
                how.threads(), how.latencyThreads(), how.evaluationSet(), how.subset(), how.latencyWarmupRuns(),
                how.latencyTimedRuns(), how.throughputBatch(), how.kernels(), how.sizeFormat(), how.realKernels(),
                how.int8Layers(), how.session(), how.machine(), how.latencyRounds(), how.latencyCapped(),
                how.otherCpuShare(), java.util.List.of(3, 7), "mean of logits, weights 0.50, 0.50", 0.2);
        String json = PointJson.write(m).replace(PointJson.write(how), PointJson.write(ensemble));
        org.paretowb.models.measure.Provenance back = PointJson.measurement(json).how();
        assertEquals(java.util.List.of(3, 7), back.ensembleOf());
        assertEquals("ensemble of #3 + #7 (mean of logits, weights 0.50, 0.50)", back.describeEnsemble());
        assertEquals(0.2, back.processSpread(), "the between-process spread is kept");

        String older = PointJson.write(m).replaceAll(",\"ensembleOf\":\\[\\]", "").replaceAll(",\"ensembleRule\":\"\"", "");
        org.junit.jupiter.api.Assertions.assertFalse(older.contains("ensemble"), older);
        Measurement single = PointJson.measurement(older);
        assertEquals(java.util.List.of(), single.how().ensembleOf());
        org.junit.jupiter.api.Assertions.assertFalse(single.how().ensemble());
    }
}
