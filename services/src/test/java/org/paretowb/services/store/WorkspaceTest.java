package org.paretowb.services.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

class WorkspaceTest {
    static final PointContext CNN = new PointContext("Example CNN", "aa11", "Fashion-MNIST test", "bb22");
    static final PointContext MLP = new PointContext("Example MLP", "cc33", "Fashion-MNIST test", "bb22");
    static final Map<String, String> ENV = Map.of("cpu", "test CPU");

    @TempDir
    Path dir;

    @Test
    void pointsSurviveClosingAndReopeningWithEveryFigure() {
        Path file = dir.resolve("w" + Workspace.EXTENSION);
        Measurement m = PointJsonTest.measurement();
        int id;
        try (Workspace w = Workspace.open(file)) {
            id = w.add(CNN, PointJsonTest.EVERYTHING, m, "  best so far ", ENV).point().id();
            w.add(MLP, Recipe.BASELINE, m, "", ENV);
        }
        try (Workspace w = Workspace.open(file)) {
            StoredPoint back = w.require(id);
            assertEquals(PointJsonTest.EVERYTHING, back.point().recipe());
            assertEquals("best so far", back.point().name());
            assertArrayEquals(m.predictions(), back.point().measurement().predictions());
            assertEquals(m.how(), back.point().measurement().how());
            assertEquals(CNN, back.context());
            assertEquals(ENV, back.environment());
            assertEquals(1, w.points(CNN).size(), "only the CNN's points");
            assertEquals(2, w.points().size());
            assertEquals("ok", w.integrityCheck());
        }
    }

    @Test
    void renameAndDeleteAreSaved() {
        Path file = dir.resolve("w.pwws");
        try (Workspace w = Workspace.open(file)) {
            int a = w.add(CNN, Recipe.BASELINE, PointJsonTest.measurement(), "", ENV).point().id();
            int b = w.add(CNN, new Recipe(new PruningSettings(0.5)), PointJsonTest.measurement(), "", ENV).point().id();
            w.rename(b, "half");
            w.delete(a);
        }
        try (Workspace w = Workspace.open(file)) {
            List<StoredPoint> points = w.points();
            assertEquals(1, points.size());
            assertEquals("half", points.get(0).point().name());
            WorkspaceException missing = assertThrows(WorkspaceException.class, () -> w.require(99));
            assertTrue(missing.getMessage().startsWith("no point 99 in "), missing.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAWorkspaceIsRefusedAndLeftAsItWas() throws Exception {
        Path text = dir.resolve("notes.pwws");
        Files.writeString(text, "these are my notes, not a database");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(text));
        assertTrue(e.getMessage().contains("is not a workspace"), e.getMessage());
        assertEquals("these are my notes, not a database", Files.readString(text));

        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (n INTEGER)");
        }
        byte[] before = Files.readAllBytes(other);
        WorkspaceException sqlite = assertThrows(WorkspaceException.class, () -> Workspace.open(other));
        assertTrue(sqlite.getMessage().contains("not a Pareto Workbench workspace"), sqlite.getMessage());
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    @Test
    void aWorkspaceOfANewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("future.pwws");
        try (Workspace w = Workspace.open(file)) {
            w.add(CNN, Recipe.BASELINE, PointJsonTest.measurement(), "", ENV);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Workspace.SCHEMA + 1));
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(e.getMessage().contains("written by a newer Pareto Workbench"), e.getMessage());
    }

    @Test
    void aFullDiskFailsTheNewPointWithAMessageAndKeepsTheOthers() throws Exception {
        Path file = dir.resolve("full.pwws");
        int saved = 0;
        try (Workspace w = Workspace.open(file)) {
            w.limitPages(12);
            WorkspaceException full = null;
            for (int i = 0; i < 200 && full == null; i++) {
                try {
                    w.add(CNN, new Recipe(new PruningSettings(i / 1000.0)), PointJsonTest.measurement(), "", ENV);
                    saved++;
                } catch (WorkspaceException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the capped file filled up");
            assertTrue(full.getMessage().contains("is full") && full.getMessage().contains("points saved before it are kept"),
                    full.getMessage());
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(saved, w.points().size());
            assertEquals("ok", w.integrityCheck());
        }
    }

    @Test
    void twoWritersAppendingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("shared.pwws");
        Workspace.open(file).close();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (PointContext context : List.of(CNN, MLP)) {
                Callable<Integer> writer = () -> {
                    try (Workspace w = Workspace.open(file)) {
                        for (int i = 0; i < 40; i++) {
                            w.add(context, new Recipe(new PruningSettings(i / 100.0)), PointJsonTest.measurement(), "",
                                    ENV);
                        }
                    }
                    return 40;
                };
                writers.add(pool.submit(writer));
            }
            for (Future<Integer> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(40, w.points(CNN).size());
            assertEquals(40, w.points(MLP).size());
            assertEquals("ok", w.integrityCheck());
        }
    }

    @Test
    void manyConnectionsCreatingOneNewWorkspaceAtOnceAllOpenIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 15; round++) {
                Path file = dir.resolve("race" + round + Workspace.EXTENSION);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<Future<Integer>> openers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    openers.add(pool.submit(() -> {
                        start.await();
                        try (Workspace w = Workspace.open(file)) {
                            return w.points().size();
                        }
                    }));
                }
                start.countDown();
                for (Future<Integer> opener : openers) {
                    assertEquals(0, opener.get(), "round " + round);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> Workspace.open(dir.resolve("no/such/folder/w.pwws")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
