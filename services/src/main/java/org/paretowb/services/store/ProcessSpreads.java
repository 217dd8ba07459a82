package org.paretowb.services.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far a model's batch-1 p50 moves between processes on a machine, as {@code bench processes} measured it: one
 * entry per machine, model and engine, kept in a small JSON file in the user's configuration folder
 * ({@code latency-spreads.json}). A process times a small network at one speed for its whole life, and another
 * process at another (on this project's 2-core test machine 0.06 ms or 0.085 ms for the example CNN), so an
 * interval from one process's rounds does not cover a figure measured by the next: this spread widens it.
 * A file that cannot be read is treated as empty (no spread known): never a reason to refuse to measure.
 */
public final class ProcessSpreads {
    /** Version of the file's layout. */
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path file;
    private java.nio.file.attribute.FileTime readModified; // of the file when read was parsed (null: never)
    private List<Entry> read = List.of();

    public ProcessSpreads(Path file) {
        this.file = file;
    }

    /**
     * The user's file, in {@code $XDG_CONFIG_HOME/paretowb} (else {@code ~/.config/paretowb}); the system property
     * {@value #FILE_PROPERTY} names another.
     */
    public static ProcessSpreads forUser() {
        String other = System.getProperty(FILE_PROPERTY);
        return new ProcessSpreads(other != null && !other.isBlank() ? Path.of(other)
                : RecentWorkspaces.configFolder().resolve("latency-spreads.json"));
    }

    /** A system property naming the file instead of the user's. */
    public static final String FILE_PROPERTY = "paretowb.latencySpreads";

    public Path file() {
        return file;
    }

    /**
     * One measurement of the spread.
     *
     * @param machine the machine (SessionInfo's description)
     * @param network the model's description (NetworkSpec#describe of the unchanged model)
     * @param engine the engine's description as measurements record it
     * @param spread relative 95% half-width of the p50 between processes (0.2: ±20%)
     * @param p50sMs the p50 each process measured
     * @param measured when (ISO-8601)
     */
    public record Entry(String machine, String network, String engine, double spread, List<Double> p50sMs,
                        String measured) {
        public Entry {
            p50sMs = p50sMs == null ? List.of() : List.copyOf(p50sMs);
        }

        boolean matches(String machineName, String networkName, String engineName) {
            return machine.equals(machineName) && network.equals(networkName) && engine.equals(engineName);
        }
    }

    private record Stored(int version, List<Entry> entries) {
    }

    /**
     * Every entry; none when the file is missing, unreadable or of another version. The file is parsed again only
     * when its modification time changed (a measurer asks once per point, a live window several times a second).
     */
    public synchronized List<Entry> entries() {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readModified)) {
                Stored stored = MAPPER.readValue(file.toFile(), Stored.class);
                read = stored.version() == VERSION && stored.entries() != null ? stored.entries() : List.of();
                readModified = modified;
            }
            return read;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The spread measured for this machine, model and engine, if any. */
    public Optional<Entry> find(String machine, String network, String engine) {
        return entries().stream().filter(e -> e.matches(machine, network, engine)).findFirst();
    }

    /** {@link #find}'s spread, or null when it was not measured. */
    public Double spread(String machine, String network, String engine) {
        return find(machine, network, engine).map(Entry::spread).orElse(null);
    }

    /** Records {@code entry}, replacing the one of the same machine, model and engine; written whole or not at all. */
    public synchronized void record(Entry entry) throws IOException {
        List<Entry> kept = new ArrayList<>(entries());
        kept.removeIf(e -> e.matches(entry.machine(), entry.network(), entry.engine()));
        kept.add(entry);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "latency-spreads", ".tmp");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), new Stored(VERSION, kept));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            read = List.copyOf(kept);
            readModified = Files.getLastModifiedTime(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The relative 95% half-width of p50s measured by separate processes: where the next process's p50 falls, as the
     * larger of the 95% prediction interval of a normal sample (t quantile, times the root of 1 + 1/n) and half
     * the range, over the median. A prediction interval, not a confidence interval of the mean: the question is
     * where one more process lands, not where the processes' average lies.
     */
    public static double spreadOf(List<Double> p50s) {
        if (p50s.size() < 2) {
            throw new IllegalArgumentException("a spread needs at least two processes, got " + p50s.size());
        }
        double[] v = p50s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double squares = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double predicted = t975(n - 1) * sd * Math.sqrt(1 + 1.0 / n);
        return Math.max(predicted, (v[n - 1] - v[0]) / 2) / median;
    }

    /**
     * Student's t 97.5% quantile for {@code df} degrees of freedom: exact for 1 and 2, else the Cornish-Fisher
     * expansion around the normal quantile (within 0.3% of the exact value from 3 up).
     */
    static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
        }
        if (df == 1) {
            return 12.706;
        }
        if (df == 2) {
            return 4.303;
        }
        double z = 1.959964;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
                + (3 * z5 * z * z + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
    }
}
