package org.paretowb.services.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.recipe.Recipe;

/**
 * A workspace: one SQLite file (WAL journal) holding every evaluated point, saved the moment it is measured.
 * Each point is one committed transaction, so a process killed mid-sweep loses at most the point in flight,
 * and several processes may append to one workspace at once (SQLite's file locks; writers wait their turn).
 * The schema has a version ({@code PRAGMA user_version}) and migrations; a file of a newer schema, or one
 * that is not a workspace, is refused with a message and left untouched.
 */
public final class Workspace implements AutoCloseable {
    /** The schema this version writes and the newest it reads. */
    public static final int SCHEMA = 4;
    /** Marks the SQLite file as a Pareto Workbench workspace ("PWWS"). */
    static final int APPLICATION_ID = 0x50575753;
    /** The extension workspace files get. */
    public static final String EXTENSION = ".pwws";

    private final Path file;
    private final Connection connection;
    private final Runnable guard;

    private Workspace(Path file, Connection connection, Runnable guard) {
        this.file = file;
        this.connection = connection;
        this.guard = guard;
    }

    /** Opens a workspace, creating it (and its schema) when the file does not exist or is empty. */
    public static Workspace open(Path file) {
        return open(file, () -> { });
    }

    /**
     * As {@link #open(Path)}, running {@code guard} before every call into SQLite (this one included): a window
     * passes one that refuses the FX thread, since opening can wait up to 10 s for another process's lock.
     */
    public static Workspace open(Path file, Runnable guard) {
        guard.run();
        Path absolute = file.toAbsolutePath();
        try {
            return new Workspace(absolute, WorkspaceSchema.connect(absolute), guard);
        } catch (SQLException e) {
            throw new WorkspaceException(absolute + " cannot be opened as a workspace: " + reason(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Saves a measured point (committed before this returns) and gives it the workspace's next id. */
    public StoredPoint add(PointContext context, Recipe recipe, Measurement measurement, String name,
                           Map<String, String> environment) {
        return add(context, recipe, measurement, name, environment, null);
    }

    /**
     * As {@link #add(PointContext, Recipe, Measurement, String, Map)}, under an idempotent key: when the workspace
     * already holds a point with {@code key}, nothing is saved and that point is returned.
     *
     * @param key unique per point (a distributed sweep's run, recipe and model); null for none
     */
    public StoredPoint add(PointContext context, Recipe recipe, Measurement measurement, String name,
                           Map<String, String> environment, String key) {
        guard.run();
        if (key != null) {
            Optional<StoredPoint> held = pointWithKey(key);
            if (held.isPresent()) {
                return held.get();
            }
        }
        Instant created = Instant.now();
        String sql = "INSERT INTO point (created, name, model, model_hash, data, data_hash, recipe, measurement,"
                + " environment, session, machine, point_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, created.toString());
            s.setString(2, name == null ? "" : name.strip());
            s.setString(3, context.model());
            s.setString(4, context.modelHash());
            s.setString(5, context.data());
            s.setString(6, context.dataHash());
            s.setString(7, PointJson.write(recipe));
            s.setString(8, PointJson.write(measurement));
            s.setString(9, PointJson.write(environment));
            s.setString(10, measurement.how().session());
            s.setString(11, measurement.how().machine());
            s.setString(12, key);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                int id = keys.getInt(1);
                return new StoredPoint(new EvaluatedPoint(id, recipe, measurement, name), context, created, environment,
                        measurement.how().session(), measurement.how().machine());
            }
        } catch (SQLException e) {
            if (key != null && String.valueOf(e.getMessage()).contains("UNIQUE")) {
                // another connection saved the same key between the look-up and the insert
                Optional<StoredPoint> held = pointWithKey(key);
                if (held.isPresent()) {
                    return held.get();
                }
            }
            throw new WorkspaceException("could not save the point to " + file + ": " + reason(e)
                    + "; the points saved before it are kept", e);
        }
    }

    /** The point saved under an idempotent key, if any. */
    public Optional<StoredPoint> pointWithKey(String key) {
        return query("SELECT * FROM point WHERE point_key = ?", s -> s.setString(1, key)).stream().findFirst();
    }

    /** Every point, oldest first. */
    public List<StoredPoint> points() {
        return query("SELECT * FROM point ORDER BY id", s -> { });
    }

    /** How many points were measured on other models or data than {@code context}'s (counted, not read). */
    public int otherPoints(PointContext context) {
        guard.run();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM point WHERE NOT (model_hash = ? AND data_hash = ?)")) {
            s.setString(1, context.modelHash());
            s.setString(2, context.dataHash());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new WorkspaceException("cannot count the points of " + file + ": " + reason(e), e);
        }
    }

    /** The points measured on this model and data, oldest first. */
    public List<StoredPoint> points(PointContext context) {
        return query("SELECT * FROM point WHERE model_hash = ? AND data_hash = ? ORDER BY id", s -> {
            s.setString(1, context.modelHash());
            s.setString(2, context.dataHash());
        });
    }

    public Optional<StoredPoint> point(int id) {
        return query("SELECT * FROM point WHERE id = ?", s -> s.setInt(1, id)).stream().findFirst();
    }

    /** The point with this id, or a message saying which ids exist. */
    public StoredPoint require(int id) {
        return point(id).orElseThrow(() -> new WorkspaceException("no point " + id + " in " + file + " (" + describeIds()
                + ")"));
    }

    private String describeIds() {
        List<StoredPoint> all = points();
        if (all.isEmpty()) {
            return "it has no points yet";
        }
        return "its points are " + all.get(0).point().id() + " to " + all.get(all.size() - 1).point().id();
    }

    /** Remembers a model's input settings (replacing what was stored for it), by its weights' content hash. */
    public void saveSettings(String modelHash, ModelSettings settings) {
        guard.run();
        update("INSERT INTO model_settings (model_hash, settings, updated) VALUES (?, ?, ?)"
                + " ON CONFLICT (model_hash) DO UPDATE SET settings = excluded.settings, updated = excluded.updated", s -> {
                    s.setString(1, modelHash);
                    s.setString(2, PointJson.write(settings));
                    s.setString(3, Instant.now().toString());
                }, "save the model's input settings");
    }

    /** The input settings stored for the model with this hash; empty when none are. */
    public Optional<ModelSettings> settings(String modelHash) {
        guard.run();
        try (PreparedStatement s = connection.prepareStatement("SELECT settings FROM model_settings WHERE model_hash = ?")) {
            s.setString(1, modelHash);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(PointJson.settings(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkspaceException("cannot read the model settings of " + file + ": " + reason(e), e);
        }
    }

    public void rename(int id, String name) {
        update("UPDATE point SET name = ? WHERE id = ?", s -> {
            s.setString(1, name == null ? "" : name.strip());
            s.setInt(2, id);
        }, "rename point " + id);
    }

    public void delete(int id) {
        update("DELETE FROM point WHERE id = ?", s -> s.setInt(1, id), "delete point " + id);
    }

    /**
     * Writes a consistent copy of this workspace to {@code target} (SQLite's {@code VACUUM INTO}, through a
     * temporary file in the same folder that is moved into place), replacing a file there.
     */
    public void copyTo(Path target) {
        guard.run();
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new WorkspaceException("cannot save the workspace as " + absolute + ": folder " + folder
                    + " does not exist");
        }
        if (absolute.equals(file)) {
            return;
        }
        Path temp = folder.resolve("." + absolute.getFileName() + ".saving");
        try {
            Files.deleteIfExists(temp);
            try (PreparedStatement s = connection.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, temp.toString());
                s.execute();
            }
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the first error is the one reported
            }
            String why = e instanceof SQLException sql ? reason(sql) : String.valueOf(e.getMessage());
            throw new WorkspaceException("cannot save the workspace as " + absolute + ": " + why
                    + "; the open workspace is unchanged", e);
        }
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok" for a sound file. */
    public String integrityCheck() {
        guard.run();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(out.length() == 0 ? "" : "; ").append(r.getString(1));
            }
            return out.toString();
        } catch (SQLException e) {
            throw new WorkspaceException("cannot check " + file + ": " + reason(e), e);
        }
    }

    /** Test hook: caps the file at this many pages, so that writing past it fails as a full disk does. */
    void limitPages(int pages) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA max_page_count = " + pages);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<StoredPoint> query(String sql, Binder binder) {
        guard.run();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s);
            List<StoredPoint> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new WorkspaceException("cannot read the points of " + file + ": " + reason(e), e);
        }
    }

    private static StoredPoint read(ResultSet r) throws SQLException {
        PointContext context = new PointContext(r.getString("model"), r.getString("model_hash"), r.getString("data"),
                r.getString("data_hash"));
        EvaluatedPoint point = new EvaluatedPoint(r.getInt("id"), PointJson.recipe(r.getString("recipe")),
                PointJson.measurement(r.getString("measurement")), r.getString("name"));
        return new StoredPoint(point, context, Instant.parse(r.getString("created")),
                PointJson.environment(r.getString("environment")), r.getString("session"), r.getString("machine"));
    }

    private void update(String sql, Binder binder, String what) {
        guard.run();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new WorkspaceException("could not " + what + " in " + file + ": " + reason(e), e);
        }
    }

    /** SQLite's own words for what went wrong, without the driver's decoration. */
    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("SQLITE_FULL")) {
            return "the disk (or the workspace's size limit) is full";
        }
        if (message.contains("SQLITE_NOTADB")) {
            return "not a database file";
        }
        if (message.contains("SQLITE_BUSY")) {
            return "another process kept the workspace locked for more than 10 s";
        }
        if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")) {
            return "the file or its folder cannot be written";
        }
        return message.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    @Override
    public void close() {
        guard.run();
        close(connection);
    }
}
