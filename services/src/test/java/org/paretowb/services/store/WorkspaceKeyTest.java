package org.paretowb.services.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

class WorkspaceKeyTest {
    @TempDir
    Path dir;

    @Test
    void aPointSavedTwiceUnderOneKeyIsHeldOnceAndTheFirstIsReturned() {
        Measurement m = PointJsonTest.measurement();
        Recipe half = Recipe.builder().pruning(new PruningSettings(0.5)).build();
        try (Workspace w = Workspace.open(dir.resolve("keys.pwws"))) {
            StoredPoint first = w.add(WorkspaceTest.CNN, half, m, "", WorkspaceTest.ENV, "run-1/0/abc");
            StoredPoint again = w.add(WorkspaceTest.CNN, half, m, "", WorkspaceTest.ENV, "run-1/0/abc");
            StoredPoint other = w.add(WorkspaceTest.CNN, half, m, "", WorkspaceTest.ENV, "run-1/1/abc");
            StoredPoint unkeyed = w.add(WorkspaceTest.CNN, half, m, "", WorkspaceTest.ENV);
            StoredPoint unkeyedToo = w.add(WorkspaceTest.CNN, half, m, "", WorkspaceTest.ENV);
            assertEquals(first.point().id(), again.point().id());
            assertEquals(4, w.points().size(), "one row per key, and every point saved without a key");
            assertTrue(other.point().id() != first.point().id() && unkeyed.point().id() != unkeyedToo.point().id());
            assertEquals(first.point().id(), w.pointWithKey("run-1/0/abc").orElseThrow().point().id());
        }
    }

    @Test
    void aSchemaThreeWorkspaceGainsKeysAndKeepsItsPoints() throws Exception {
        Path file = dir.resolve("three.pwws");
        Measurement m = PointJsonTest.measurement();
        try (Workspace w = Workspace.open(file)) {
            w.add(WorkspaceTest.CNN, Recipe.BASELINE, m, "old", WorkspaceTest.ENV);
        }
        // back to what schema 3 wrote: no key column
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP INDEX point_key");
            s.execute("ALTER TABLE point DROP COLUMN point_key");
            s.execute("PRAGMA user_version = 3");
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals("old", w.points().get(0).point().name());
            w.add(WorkspaceTest.CNN, Recipe.BASELINE, m, "", WorkspaceTest.ENV, "k");
            w.add(WorkspaceTest.CNN, Recipe.BASELINE, m, "", WorkspaceTest.ENV, "k");
            assertEquals(2, w.points().size());
        }
    }
}
