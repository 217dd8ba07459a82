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
import org.paretowb.models.input.Normalisation;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

class WorkspaceTest {
    /** The point table as schema 1 made it (schema 2 added model_settings beside it). */
    private static final String SCHEMA_ONE_POINT_TABLE = """
            CREATE TABLE point (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              created TEXT NOT NULL,
              name TEXT NOT NULL DEFAULT '',
              model TEXT NOT NULL,
              model_hash TEXT NOT NULL,
              data TEXT NOT NULL,
              data_hash TEXT NOT NULL,
              recipe TEXT NOT NULL,
              measurement TEXT NOT NULL,
              environment TEXT NOT NULL
            )""";

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
            int b = w.add(CNN, Recipe.builder().pruning(new PruningSettings(0.5)).build(), PointJsonTest.measurement(),
                    "", ENV).point().id();
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
                    w.add(CNN, Recipe.builder().pruning(new PruningSettings(i / 1000.0)).build(),
                            PointJsonTest.measurement(), "", ENV);
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
                            w.add(context, Recipe.builder().pruning(new PruningSettings(i / 100.0)).build(),
                                    PointJsonTest.measurement(), "",
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
            for (int round = 0; round < 100; round++) {
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
    void aModelsInputSettingsAreRememberedByItsHashAndReplacedWhenSavedAgain() {
        Path file = dir.resolve("settings" + Workspace.EXTENSION);
        ModelSettings rgb = new ModelSettings(3, 32, 32, new Normalisation(new float[] {0.49f, 0.48f, 0.45f},
                new float[] {0.25f, 0.24f, 0.26f}), List.of("cat", "dog"));
        try (Workspace w = Workspace.open(file)) {
            assertTrue(w.settings("aa11").isEmpty(), "nothing stored yet");
            w.saveSettings("aa11", rgb.withClassNames(List.of("a", "b")));
            w.saveSettings("aa11", rgb);
            w.saveSettings("cc33", new ModelSettings(1, 28, 28, Normalisation.NONE, List.of("x", "y", "z")));
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(rgb, w.settings("aa11").orElseThrow(), "the last settings saved, every value");
            assertEquals(List.of("x", "y", "z"), w.settings("cc33").orElseThrow().classNames());
            assertTrue(w.settings("ee55").isEmpty());
        }
    }

    @Test
    void aSchemaOneWorkspaceIsMigratedAndKeepsItsPoints() throws Exception {
        Path file = dir.resolve("old" + Workspace.EXTENSION);
        Measurement m = PointJsonTest.measurement();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(SCHEMA_ONE_POINT_TABLE);
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO point (created, name, model,"
                    + " model_hash, data, data_hash, recipe, measurement, environment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (String name : List.of("baseline", "half")) {
                    insert.setString(1, "2026-01-02T03:04:05Z");
                    insert.setString(2, name);
                    insert.setString(3, CNN.model());
                    insert.setString(4, CNN.modelHash());
                    insert.setString(5, CNN.data());
                    insert.setString(6, CNN.dataHash());
                    insert.setString(7, PointJson.write(name.equals("half") ? Recipe.builder()
                            .pruning(new PruningSettings(0.5)).build()
                            : Recipe.BASELINE));
                    insert.setString(8, PointJson.write(m));
                    insert.setString(9, PointJson.write(ENV));
                    insert.executeUpdate();
                }
            }
            s.execute("PRAGMA application_id = " + Workspace.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
        }

        try (Workspace w = Workspace.open(file)) {
            List<StoredPoint> points = w.points(CNN);
            assertEquals(List.of("baseline", "half"), points.stream().map(p -> p.point().name()).toList());
            assertEquals(0.5, points.get(1).point().recipe().pruning().sparsity());
            assertEquals(m.accuracy(), points.get(1).point().measurement().accuracy());
            w.saveSettings(CNN.modelHash(), new ModelSettings(1, 28, 28, Normalisation.NONE, List.of("a", "b")));
            assertEquals(3, w.add(CNN, Recipe.BASELINE, m, "", ENV).point().id(), "ids go on from the old ones");
            assertEquals("ok", w.integrityCheck());
        }
        Path fresh = dir.resolve("fresh.pwws");
        try (Workspace w = Workspace.open(fresh)) {
            w.add(CNN, Recipe.BASELINE, m, "", ENV);
        }
        assertEquals(Workspace.SCHEMA, userVersion(file), "the schema-1 file now says the current schema");
        assertEquals(tables(fresh), tables(file), "the migrated file has the tables of a file made new");
        assertTrue(tables(file).contains("model_settings"), tables(file).toString());
    }

    @Test
    void aSchemaTwoWorkspaceIsMigratedItsPointsReadWithoutIntervalsAndTheirMachineFromTheirEnvironment()
            throws Exception {
        Path file = dir.resolve("two" + Workspace.EXTENSION);
        Measurement old = PointJsonTest.older();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(SCHEMA_ONE_POINT_TABLE);
            s.execute("CREATE TABLE model_settings (model_hash TEXT PRIMARY KEY, settings TEXT NOT NULL,"
                    + " updated TEXT NOT NULL)");
            // exactly the JSON a schema-2 version wrote: no interval, no session, no machine, no load
            String json = PointJson.write(old).replaceAll(",\"(latencyP50Interval|sessionBaseline|otherCpuShare)\":null", "")
                    .replaceAll(",\"(session|machine)\":\"\"", "").replaceAll(",\"latencyRounds\":0", "")
                    .replaceAll(",\"latencyCapped\":false", "");
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO point (created, name, model,"
                    + " model_hash, data, data_hash, recipe, measurement, environment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, "2026-01-02T03:04:05Z");
                insert.setString(2, "baseline");
                insert.setString(3, CNN.model());
                insert.setString(4, CNN.modelHash());
                insert.setString(5, CNN.data());
                insert.setString(6, CNN.dataHash());
                insert.setString(7, PointJson.write(Recipe.BASELINE));
                insert.setString(8, json);
                insert.setString(9, PointJson.write(Map.of("cpu", "AMD EPYC 7B13", "cores", "1 physical, 2 logical")));
                insert.executeUpdate();
            }
            s.execute("PRAGMA application_id = " + Workspace.APPLICATION_ID);
            s.execute("PRAGMA user_version = 2");
        }

        try (Workspace w = Workspace.open(file)) {
            StoredPoint back = w.points(CNN).get(0);
            assertEquals("baseline", back.point().name());
            assertEquals(old.latencyP50Ms(), back.point().measurement().latencyP50Ms());
            assertEquals(null, back.point().measurement().latencyP50Interval(), "no interval is made up for it");
            assertEquals("", back.session(), "its session was not recorded");
            assertEquals("AMD EPYC 7B13, 1 physical, 2 logical cores", back.machine());
            Measurement now = PointJsonTest.measurement();
            StoredPoint added = w.add(CNN, Recipe.BASELINE, now, "", ENV);
            assertEquals(now.how().session(), w.require(added.point().id()).session());
            assertEquals(now.how().machine(), w.require(added.point().id()).machine());
            assertEquals("ok", w.integrityCheck());
        }
        assertEquals(Workspace.SCHEMA, userVersion(file));
        Path fresh = dir.resolve("fresh3.pwws");
        try (Workspace w = Workspace.open(fresh)) {
            w.add(CNN, Recipe.BASELINE, old, "", ENV);
        }
        assertEquals(tables(fresh), tables(file), "the migrated file has the tables of a file made new");
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("PRAGMA user_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The file's tables and their columns, as SQLite describes them. */
    private static List<String> tables(Path file) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        List<String> described = new java.util.ArrayList<>(out);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String table : out) {
                try (Statement s = c.createStatement();
                     java.sql.ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (r.next()) {
                        described.add(table + "." + r.getString("name") + " " + r.getString("type"));
                    }
                }
            }
        }
        return described;
    }

    @Test
    void aMissingFolderIsNamed() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> Workspace.open(dir.resolve("no/such/folder/w.pwws")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
