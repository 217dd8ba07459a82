package org.paretowb.services.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.runtime.PyTorchRuntime;

/** A distillation job stops at the first batch boundary after it is cancelled: no further batch runs. */
class DistillerCancelIT {
    private static PyTorchRuntime runtime;

    @BeforeAll
    static void startEngine() {
        runtime = new PyTorchRuntime();
    }

    /** Counts batch boundaries, and cancels itself once {@code cancelAt} of them have passed. */
    private static final class CountingToken extends CancelToken {
        private final int cancelAt;
        private int checks;

        CountingToken(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void check() {
            checks++;
            if (checks == cancelAt) {
                cancel();
            }
            super.check();
        }
    }

    @Test
    void cancellingMidEpochStopsAtTheNextBatchBoundary() throws Exception {
        WeightSet teacher = new ExampleWeights().load(Architecture.MLP);
        LabeledImages data = new FashionMnist().embeddedTrainingSubset().first(1000);
        DistillationSettings settings = new DistillationSettings("mlp:32", 2, 0.5, 2, 0.01,
                DistillationSettings.Optimizer.ADAM, 0, 100, 1);
        CountingToken whole = new CountingToken(Integer.MAX_VALUE);
        new Distiller(runtime).distil(teacher, data, settings, (e, n, l, a, ms) -> { }, whole);
        int perRun = whole.checks; // teacher logits in batches of 500, then 2 epochs of 10 batches
        assertTrue(perRun >= 2 * 10, "a check at every training batch: " + perRun);

        CountingToken cancelled = new CountingToken(perRun - 5);
        assertThrows(CancelledException.class,
                () -> new Distiller(runtime).distil(teacher, data, settings, (e, n, l, a, ms) -> { }, cancelled));

        assertEquals(perRun - 5, cancelled.checks, "no batch ran after the boundary where it was cancelled");
    }
}
