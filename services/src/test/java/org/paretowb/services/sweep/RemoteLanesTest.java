package org.paretowb.services.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.UserError;

class RemoteLanesTest {
    private static final PointContext CNN = new PointContext("Example CNN", "aa11", "test", "bb22");

    @Test
    void withoutTheSparkJobJarOnTheClassPathASparkMasterIsRefusedWithHowToRunIt() {
        LabeledImages two = new LabeledImages("two", new byte[2 * 28 * 28], new byte[] {0, 1}, 28, 28);
        SweepJob job = new SweepJob("run", ExampleSession.exampleWeights(Architecture.CNN), two, 0, "onnxruntime");
        UserError e = assertThrows(UserError.class, () -> RemoteLanes.open("spark://127.0.0.1:7077", job));
        assertTrue(e.getMessage().startsWith("--spark spark://127.0.0.1:7077: no Spark lane on the class path"),
                e.getMessage());
        assertTrue(e.getMessage().contains("paretowb-spark.jar"), e.getMessage());
    }

    @Test
    void aPointsKeyNamesItsRunAndPlaceAndChangesWithTheRecipeAndTheModel() {
        Recipe half = Recipe.builder().pruning(new PruningSettings(0.5)).build();
        String key = PointKey.of("run-1", 3, CNN, half);
        assertEquals(key, PointKey.of("run-1", 3, CNN, half), "one key for one point, however often it is measured");
        assertTrue(key.startsWith("run-1/3/"), key);
        assertNotEquals(key, PointKey.of("run-1", 3, CNN, Recipe.BASELINE));
        assertNotEquals(key, PointKey.of("run-1", 3, new PointContext("Example CNN", "cc33", "test", "bb22"), half));
        assertNotEquals(key, PointKey.of("run-2", 3, CNN, half));
    }
}
