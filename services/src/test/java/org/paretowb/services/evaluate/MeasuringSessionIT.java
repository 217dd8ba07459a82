package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Engines;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.train.NetworkTrainer;

/**
 * A window's measuring session: the example CNN on 300 test images on ONNX Runtime, DJL's PyTorch as the
 * second engine; replaced by the MLP on 120 other images.
 */
class MeasuringSessionIT {
    private static final PointContext CNN = new PointContext("CNN", "cnn", "first 300", "d300");
    private static final PointContext MLP = new PointContext("MLP", "mlp", "120 others", "d120");
    private static PyTorchRuntime torch;
    private static LabeledImages test;
    private static LabeledImages training;
    private MeasuringSession session;

    @BeforeAll
    static void startEngines() throws Exception {
        torch = new PyTorchRuntime(); // DJL's PyTorch engine first, then ONNX Runtime's environment
        torch.prepareInferenceThread();
        FashionMnist data = new FashionMnist();
        test = data.testSet().first(300);
        training = data.embeddedTrainingSubset().first(1000);
    }

    @BeforeEach
    void open() {
        session = new MeasuringSession(CNN, () -> measurer(Architecture.CNN, test),
                () -> new PyTorchMeasuringEngine(torch));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static PointMeasurer measurer(Architecture architecture, LabeledImages images) {
        try {
            torch.prepareInferenceThread();
            return new PointMeasurer(new OrtMeasuringEngine(new OrtRuntime(), images),
                    new ExampleWeights().load(architecture), images, true,
                    new RecipeApplier(new NetworkTrainer(torch), training, (e, n, l, a, ms) -> { }),
                    new Evaluator(50), new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T value(MeasuringSession.Handle<T> handle) throws Exception {
        return handle.result().get(120, TimeUnit.SECONDS).value();
    }

    @Test
    void theSecondEngineMeasuresTheSameNetworkOnTheSameImagesAndNamesItself() throws Exception {
        Recipe pruned = Recipe.builder().pruning(new PruningSettings(0.5)).build();
        assertFalse(session.secondReady());

        Measurement ort = value(session.submit(MeasuringSession.Order.QUEUED, (m, t) -> m.main().measure(pruned, 200, t)));
        Measurement pytorch = value(session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> m.second(t).measure(pruned, 200, t)));

        assertTrue(session.secondReady(), "made and warmed up once");
        assertEquals(Engines.ONNX_RUNTIME, Engines.title(ort.how()));
        assertEquals(Engines.DJL_PYTORCH, Engines.title(pytorch.how()));
        assertEquals(ort.samples(), pytorch.samples());
        assertEquals(ort.sizeBytes(), pytorch.sizeBytes(), "the same weight file");
        assertEquals(ort.network(), pytorch.network());
        byte[] a = ort.predictions();
        byte[] b = pytorch.predictions();
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            differ += a[i] == b[i] ? 0 : 1;
        }
        assertTrue(differ <= 2, "fp32 on both engines: " + differ + " of 200 predictions differ");
    }

    @Test
    void replacingTheInputsSwapsTheModelTheImagesAndBothEnginesAtOnce() throws Exception {
        value(session.submit(MeasuringSession.Order.QUEUED, (m, t) -> m.second(t).measure(Recipe.BASELINE, 100, t)));
        MeasuringSession.Stamp before = session.current();
        LabeledImages other = new FashionMnist().testSet().select(range(5000, 120), "120 other test images");

        MeasuringSession.Stamp after = value(session.replace(MLP, () -> measurer(Architecture.MLP, other)));
        MeasuringSession.Stamped<Measurement> onDjl = session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> m.second(t).measure(Recipe.BASELINE, 0, t)).result().get(120, TimeUnit.SECONDS);

        assertEquals(MLP, after.context());
        assertFalse(session.isCurrent(before), "results of the CNN's inputs are stale now");
        assertEquals(after, onDjl.inputs(), "stamped with the inputs it was measured on");
        Measurement m = onDjl.value();
        assertEquals(Engines.DJL_PYTORCH, Engines.title(m.how()));
        assertEquals(120, m.samples(), "the new images");
        assertEquals("120 other test images", m.how().evaluationSet());
        assertEquals(Architecture.MLP.spec().describe(), m.network(), "the new model");
    }

    @Test
    void aJobQueuedBeforeAReplacementIsStampedWithTheInputsBeforeAndRecognisedAsStale() throws Exception {
        CompletableFuture<MeasuringSession.Stamped<Measurement>> old = session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> m.main().measure(Recipe.BASELINE, 50, t)).result();
        MeasuringSession.Stamp first = session.current();
        value(session.replace(MLP, () -> measurer(Architecture.MLP, test.first(100))));

        ExecutionException e = assertThrows(ExecutionException.class, () -> old.get(60, TimeUnit.SECONDS));
        assertInstanceOf(CancelledException.class, e.getCause(), "replacing cancels the jobs of the inputs before");
        assertFalse(session.isCurrent(first));
        assertEquals(1, session.current().version());
    }

    @Test
    void replacingWithInputsThatCannotBeMeasuredKeepsTheInputsBefore() throws Exception {
        MeasuringSession.Stamp before = value(session.start());

        MeasuringSession.Handle<MeasuringSession.Stamp> failed = session.replace(MLP, () -> {
            throw new IllegalStateException("no data");
        });

        assertThrows(ExecutionException.class, () -> failed.result().get(60, TimeUnit.SECONDS));
        assertTrue(session.isCurrent(before));
        assertEquals(CNN, value(session.submit(MeasuringSession.Order.QUEUED, (m, t) -> m.stamp())).context());
    }

    @Test
    void aLatestJobCancelsTheLatestJobBeforeItButNotQueuedOnes() throws Exception {
        value(session.start());
        MeasuringSession.Handle<Measurement> queued = session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> m.main().measure(Recipe.BASELINE, 50, t));
        MeasuringSession.Handle<Measurement> first = session.submit(MeasuringSession.Order.LATEST,
                (m, t) -> m.main().measure(Recipe.builder().pruning(new PruningSettings(0.3)).build(), 50, t));
        MeasuringSession.Handle<Measurement> second = session.submit(MeasuringSession.Order.LATEST,
                (m, t) -> m.main().measure(Recipe.builder().pruning(new PruningSettings(0.6)).build(), 50, t));

        assertEquals(50, value(queued).samples());
        assertInstanceOf(CancelledException.class, assertThrows(ExecutionException.class,
                () -> first.result().get(60, TimeUnit.SECONDS)).getCause());
        assertEquals(50, value(second).samples(), "the latest is measured");
    }

    // Each kind of job, cancelled mid-way: the token cancels itself at its fifth check (the lane checks once before
    // the job starts), so the job has started and passed three batch boundaries; it must stop at the fifth (no
    // check after it) and leave the session as it was.

    @Test
    void aBaselineMeasurementCancelledMidWayStops() throws Exception {
        cancelledMidWay((m, t) -> m.main().measure(Recipe.BASELINE, 0, t));
    }

    @Test
    void aFullSetMeasurementCancelledMidWayStops() throws Exception {
        cancelledMidWay((m, t) -> m.main().measure(Recipe.builder().pruning(new PruningSettings(0.5)).build(), 0, t));
    }

    @Test
    void anInt8ProfileCancelledMidWayStopsAndLeavesNoPlanBehind() throws Exception {
        Recipe staticInt8 = Recipe.builder().quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC,
                8, true, true, 200)).build();
        cancelledMidWay((m, t) -> m.main().int8Plan(staticInt8, t));
        CountingToken counted = new CountingToken(Integer.MAX_VALUE);
        assertTrue(session.submit(MeasuringSession.Order.QUEUED, counted, (m, t) -> m.main().int8Plan(staticInt8, t))
                .result().get(300, TimeUnit.SECONDS).value().isPresent());
        assertTrue(counted.checks > 5, "profiled anew, not a half plan from the cancelled run: " + counted.checks);
    }

    @Test
    void aSensitivityRunCancelledMidWayStops() throws Exception {
        cancelledMidWay((m, t) -> m.main().sensitivity(100, done -> { }, t));
    }

    @Test
    void aTrainingJobCancelledMidWayStopsAndLeavesTheModelAsItWas() throws Exception {
        String before = value(session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> ContentHash.of(m.main().original())));
        Recipe fineTune = Recipe.builder().pruning(new PruningSettings(0.5)).fineTune(new FineTuneSettings(2, 5e-4))
                .build();

        cancelledMidWay((m, t) -> m.main().measure(fineTune, 0, (e, n, l, a, ms) -> { }, t));

        assertEquals(before, value(session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> ContentHash.of(m.main().original()))), "the loaded weights are untouched");
    }

    @Test
    void aSecondEngineWarmUpCancelledMidWayIsDoneAgainNextTime() throws Exception {
        cancelledMidWay((m, t) -> m.second(t).measure(Recipe.BASELINE, 100, t));
        assertFalse(session.secondReady());
        assertEquals(Engines.DJL_PYTORCH, Engines.title(value(session.submit(MeasuringSession.Order.QUEUED,
                (m, t) -> m.second(t).measure(Recipe.BASELINE, 100, t))).how()));
    }

    private <T> void cancelledMidWay(MeasuringSession.Job<T> job) throws Exception {
        value(session.start());
        CountingToken token = new CountingToken(5);
        MeasuringSession.Handle<T> handle = session.submit(MeasuringSession.Order.QUEUED, token, job);

        ExecutionException e = assertThrows(ExecutionException.class, () -> handle.result().get(300, TimeUnit.SECONDS));

        assertInstanceOf(CancelledException.class, e.getCause());
        assertEquals(5, token.checks, "started, passed three batch boundaries, stopped at the next");
        assertEquals(CNN, value(session.submit(MeasuringSession.Order.QUEUED, (m, t) -> m.stamp())).context(),
                "the session goes on with its inputs");
    }

    private static int[] range(int from, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = from + i;
        }
        return indices;
    }

    /** Counts the batch boundaries a job passes, and cancels itself at the {@code at}-th. */
    private static final class CountingToken extends CancelToken {
        private final int at;
        private int checks;

        CountingToken(int at) {
            this.at = at;
        }

        @Override
        public void check() {
            if (++checks == at) {
                cancel();
            }
            super.check();
        }
    }
}
