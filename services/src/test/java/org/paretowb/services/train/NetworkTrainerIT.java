package org.paretowb.services.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.services.compress.MagnitudePruner;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.runtime.PyTorchRuntime;

class NetworkTrainerIT {
    private final PyTorchRuntime runtime = new PyTorchRuntime();

    @Test
    void fineTuningHoldsPrunedWeightsAtZeroAndMovesTheOthers() throws Exception {
        WeightSet pruned = new MagnitudePruner().prune(new ExampleWeights().load(Architecture.MLP),
                new PruningSettings(0.8));
        List<Integer> epochs = new ArrayList<>();

        WeightSet tuned = new NetworkTrainer(runtime).fineTune(pruned, true,
                new FashionMnist().embeddedTrainingSubset().first(2000), new TrainingSettings(1, 100, 1e-3f, 1),
                (epoch, total, loss, accuracy, millis) -> epochs.add(epoch), CancelToken.NEVER);

        assertEquals(List.of(1), epochs);
        assertEquals(pruned.spec(), tuned.spec());
        for (int i = 0; i < pruned.tensors().size(); i++) {
            float[] before = pruned.tensors().get(i).values();
            float[] after = tuned.tensors().get(i).values();
            for (int j = 0; j < before.length; j++) {
                if (pruned.tensors().get(i).prunable() && before[j] == 0f) {
                    assertTrue(after[j] == 0f, "pruned weight " + i + "/" + j + " came back: " + after[j]);
                }
            }
        }
        assertEquals(pruned.nonZeros(), tuned.nonZeros());
        assertFalse(Arrays.equals(pruned.tensors().get(0).values(), tuned.tensors().get(0).values()),
                "training changed the surviving weights");
    }

    @Test
    void cancellationStopsTrainingBetweenBatches() throws Exception {
        CancelToken token = new CancelToken();
        token.cancel();
        WeightSet weights = new ExampleWeights().load(Architecture.MLP);

        assertThrows(CancelledException.class, () -> new NetworkTrainer(runtime).fineTune(weights, false,
                new FashionMnist().embeddedTrainingSubset().first(500), new TrainingSettings(1, 100, 1e-3f, 1),
                (epoch, total, loss, accuracy, millis) -> { }, token));
    }
}
