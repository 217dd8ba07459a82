package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.QuantizationSettings.Mode;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/** Figures of the README's CNN on this machine, rounded; a point's own figures vary only where said. */
class GainsTest {
    private static final String ORT = "ONNX Runtime 1.21.1";

    private static Provenance how(String engine, boolean realKernels) {
        return Provenance.builder().engine(engine, 2, 1).images("fashion-mnist test", false).latencyRuns(20, 200)
                .throughputBatch(64).kernels("fp32", realKernels).sizeFormat("PWB1").build();
    }

    private static EvaluatedPoint point(Recipe recipe, long size, long nonZeros, long macs, double p50, Provenance how) {
        return point(recipe, size, 207_114, nonZeros, macs, p50, how);
    }

    private static EvaluatedPoint point(Recipe recipe, long size, long parameters, long nonZeros, long macs, double p50,
                                        Provenance how) {
        return new EvaluatedPoint(1, recipe, Measurement.builder().accuracy(0.9, 0.99, new double[10])
                .latency(p50, p50 * 1.2).sizeBytes(size).counts(parameters, nonZeros, macs).throughput(1000)
                .predictions(new byte[4]).network("net").how(how).build());
    }

    private static final EvaluatedPoint BASELINE = point(Recipe.BASELINE, 829_203, 207_114, 1_236_864, 0.073, how(ORT, true));

    private static Recipe quantized(Mode mode, int bits) {
        return Recipe.builder().quantization(new QuantizationSettings(mode, bits, true, true,
                mode == Mode.STATIC ? 256 : 0)).build();
    }

    @Test
    void theBaselineAgainstItselfGainsNothingAndNeedsNoExplanation() {
        Gains g = Gains.of(BASELINE, BASELINE);

        assertEquals(1.0, g.nonZerosGain(), 1e-12);
        assertEquals(1.0, g.latencyGain(), 1e-12);
        assertFalse(g.differs());
        assertEquals("", g.cause());
    }

    @Test
    void unstructuredPruningShrinksTheFileButNotTheClock() {
        EvaluatedPoint pruned = point(Recipe.builder().pruning(new PruningSettings(0.9)).build(), 110_597, 20_712,
                1_236_864, 0.074, how(ORT, true));

        Gains g = Gains.of(BASELINE, pruned);

        assertEquals(10.0, g.nonZerosGain(), 0.01);
        assertEquals(1.0, g.macsGain(), 1e-12);
        assertEquals(7.5, g.sizeGain(), 0.01);
        assertEquals(10.0, g.nominalComputeGain(), 0.01);
        assertTrue(g.cause().startsWith("unstructured sparsity: dense kernels store and run every zero, no speed-up"),
                g.cause());
        assertTrue(g.cause().contains("bitmap of non-zero positions"), "7.5x is not 10x either: " + g.cause());
    }

    @Test
    void pruningAModelWhoseFileStoresEveryZeroSaysTheFileDidNotShrink() {
        EvaluatedPoint baseline = point(Recipe.BASELINE, 229_234, 52_282, 52_282, 0, 0.40, how(ORT, true));
        EvaluatedPoint pruned = point(Recipe.builder().pruning(new PruningSettings(0.9)).build(), 229_234, 52_282,
                5_331, 0, 0.40, how(ORT, true));

        Gains g = Gains.of(baseline, pruned);

        assertEquals(1.0, g.sizeGain(), 1e-12);
        assertEquals("dense file: its format stores every zero (a TorchScript .pt), so pruning does not shrink it",
                g.cause());
    }

    @Test
    void weightOnlyInt8PacksTheFileAndKeepsFp32Compute() {
        EvaluatedPoint int8 = point(quantized(Mode.WEIGHT, 8), 209_953, 207_114, 1_236_864, 0.075, how(ORT, false));

        Gains g = Gains.of(BASELINE, int8);

        assertEquals("int8 weights packed: smaller file, same fp32 compute", g.cause());
    }

    @Test
    void simulatedStaticInt8PromisesASpeedUpItCannotMeasure() {
        EvaluatedPoint prunedSimulated = point(Recipe.builder().pruning(new PruningSettings(0.5))
                .quantization(new QuantizationSettings(Mode.STATIC, 8, true, true, 256)).build(), 120_000, 103_557,
                1_236_864, 0.56,
                how("PyTorch 2.7.1", false));
        EvaluatedPoint baselineOnPyTorch = point(Recipe.BASELINE, 829_203, 207_114, 1_236_864, 0.55,
                how("PyTorch 2.7.1", true));

        Gains g = Gains.of(baselineOnPyTorch, prunedSimulated);

        assertTrue(g.cause().startsWith("simulated int8: fake-quantized fp32 kernels, no speed-up"), g.cause());
        EvaluatedPoint staticOnly = point(quantized(Mode.STATIC, 8), 210_031, 207_114, 1_236_864, 0.56,
                how("PyTorch 2.7.1", false));
        assertEquals("simulated int8: fake-quantized fp32 kernels, no speed-up; int8 weights packed: smaller file",
                Gains.of(baselineOnPyTorch, staticOnly).cause(), "the clock agrees with the counts, the file does not");
    }

    @Test
    void realInt8KernelsThatAreSlowerSaySo() {
        EvaluatedPoint int8 = point(quantized(Mode.STATIC, 8), 210_031, 207_114, 1_236_864, 0.119, how(ORT, true));

        Gains g = Gains.of(BASELINE, int8);

        assertTrue(g.latencyGain() < 1);
        assertTrue(g.cause().startsWith("real int8 kernels, slower here"), g.cause());
        assertTrue(g.cause().endsWith("int8 weights packed: smaller file"), g.cause());
    }

    @Test
    void structuredPruningThatRunsAsFastAsItsMacsPromiseAgrees() {
        Recipe halfTheChannels = Recipe.builder().structured(new StructuredPruningSettings(0.5,
                StructuredPruningSettings.Norm.L1)).build();
        EvaluatedPoint agreeing = point(halfTheChannels, 207_000, 51_778, 51_778, 412_288, 0.026, how(ORT, true));
        EvaluatedPoint overheadBound = point(halfTheChannels, 207_000, 51_778, 51_778, 346_322, 0.042, how(ORT, true));

        assertFalse(Gains.of(BASELINE, agreeing).differs(), Gains.of(BASELINE, agreeing).cause());
        assertTrue(Gains.of(BASELINE, overheadBound).cause().startsWith("fewer MACs than the speed-up shows"));
    }

    @Test
    void aLatencyFromAnotherEngineIsNotCompared() {
        EvaluatedPoint onPyTorch = point(Recipe.BASELINE, 829_203, 207_114, 1_236_864, 0.55, how("PyTorch 2.7.1", true));

        assertTrue(Gains.of(BASELINE, onPyTorch).cause().contains("not comparable"));
    }

    @Test
    void theToleranceDecidesWhatAgrees() {
        EvaluatedPoint slightlySlower = point(Recipe.BASELINE, 829_203, 207_114, 1_236_864, 0.080, how(ORT, true));

        assertFalse(Gains.of(BASELINE, slightlySlower).differs(), "0.91x is within 15% of 1x");
        assertTrue(Gains.of(BASELINE, slightlySlower, 0.05).differs(), "but not within 5%");
        assertThrows(IllegalArgumentException.class, () -> Gains.of(BASELINE, slightlySlower, -1));
    }

    @Test
    void factorsReadAsPeopleWriteThem() {
        assertEquals("10.0x", Gains.factor(10.0));
        assertEquals("7.50x", Gains.factor(7.4975));
        assertEquals("0.61x", Gains.factor(0.613));
        assertEquals("n/a", Gains.factor(Double.NaN));
    }
}
