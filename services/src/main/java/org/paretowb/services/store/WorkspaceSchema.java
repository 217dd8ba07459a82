package org.paretowb.services.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Opening a workspace file: checks that it is one (or a new file), switches it to write-ahead logging and brings
 * its schema up to {@link Workspace#SCHEMA}. Opening may wait up to the busy timeout for other connections.
 */
final class WorkspaceSchema {
    /** How long a connection waits for another's lock before giving up. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int SQLITE_BUSY = 5;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The statements that bring schema v to v + 1, at index v. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // to schema 1
            List.of("""
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
            )"""),
            // to schema 2: each model's input settings (shape, normalisation, class names), by its weights' hash
            List.of("""
            CREATE TABLE model_settings (
              model_hash TEXT PRIMARY KEY,
              settings TEXT NOT NULL,
              updated TEXT NOT NULL
            )"""),
            // to schema 3: the measuring session and the machine of each point (a point's latency is compared only
            // with its own session's baseline). Points saved before were measured in sessions nobody recorded: their
            // session stays '' (not recorded) and their machine is what their environment says of the CPU.
            List.of(
                    "ALTER TABLE point ADD COLUMN session TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE point ADD COLUMN machine TEXT NOT NULL DEFAULT ''",
                    """
                    UPDATE point SET machine = coalesce(json_extract(environment, '$.cpu') || ', '
                        || json_extract(environment, '$.cores') || ' cores', json_extract(environment, '$.cpu'), '')""",
                    "CREATE INDEX point_session ON point (session)"),
            // to schema 4: an idempotent key per point of a distributed sweep (run, recipe, model and data), so that
            // a point measured twice (a retried task) is saved once; points saved otherwise have none (NULL)
            List.of(
                    "ALTER TABLE point ADD COLUMN point_key TEXT",
                    "CREATE UNIQUE INDEX point_key ON point (point_key)"));

    private WorkspaceSchema() {
    }

    /** A connection to a workspace file whose schema is current; the caller closes it. */
    static Connection connect(Path absolute) throws SQLException {
        requireWorkspaceOrNew(absolute);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            int version = requireReadableSchema(connection, absolute);
            useWriteAheadLog(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA synchronous = NORMAL");
            }
            migrate(connection, absolute, version);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Switches the file to write-ahead logging (the file keeps it once set). Connections switching a new file
     * at once can be told SQLITE_BUSY at once, without SQLite calling the busy handler (it would deadlock
     * otherwise), so the switch is tried again until the busy timeout has passed.
     */
    private static void useWriteAheadLog(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(2_000_000L);
            }
        }
    }

    private static void requireWorkspaceOrNew(Path file) {
        if (Files.isDirectory(file)) {
            throw new WorkspaceException(file + " is a folder, not a workspace file");
        }
        if (!Files.exists(file)) {
            Path parent = file.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new WorkspaceException("cannot create workspace " + file + ": folder " + parent + " does not exist");
            }
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new WorkspaceException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (read > 0 && (read < head.length || !Arrays.equals(head, SQLITE_HEADER))) {
            throw new WorkspaceException(file + " is not a workspace (not an SQLite file); nothing was changed");
        }
    }

    /** The file's schema version, once it is known to be a workspace this version can read (or a new file). */
    static int requireReadableSchema(Connection connection, Path file) throws SQLException {
        // Tables first: another process's migration commits its tables, id and version at once, so a file seen
        // with tables is read afterwards with its id (each statement is its own read outside a transaction).
        boolean tables = hasTables(connection);
        int applicationId = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        if (applicationId != Workspace.APPLICATION_ID && (applicationId != 0 || tables)) {
            throw new WorkspaceException(file + " is an SQLite file but not a Pareto Workbench workspace; nothing was"
                    + " changed");
        }
        if (version > Workspace.SCHEMA) {
            throw new WorkspaceException(file + " was written by a newer Pareto Workbench (workspace schema " + version
                    + "; this version reads up to " + Workspace.SCHEMA + "); nothing was changed");
        }
        return version;
    }

    /**
     * Brings the schema up to {@link Workspace#SCHEMA} inside one immediate transaction, re-reading the version under
     * the write lock, so that two processes creating the same new workspace at once create it once.
     */
    private static void migrate(Connection connection, Path file, int seen) throws SQLException {
        if (seen == Workspace.SCHEMA) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version = requireReadableSchema(connection, file);
                for (int v = version; v < Workspace.SCHEMA; v++) {
                    for (String statement : MIGRATIONS.get(v)) {
                        s.execute(statement);
                    }
                }
                s.execute("PRAGMA application_id = " + Workspace.APPLICATION_ID);
                s.execute("PRAGMA user_version = " + Workspace.SCHEMA);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
