package org.paretowb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paretowb.services.store.ProcessSpreads;
import org.paretowb.services.usecase.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "processes", mixinStandardHelpOptions = true,
        description = {"Measures how far a model's batch-1 p50 moves between processes on this machine: runs 'eval",
            "--json' on the unchanged model in --runs fresh processes, one after the other, and records the spread",
            "(where one more process's p50 falls: the larger of the 95% prediction interval and half the range of",
            "their p50s, over the median) in",
            "latency-spreads.json in the user's configuration folder. From then on every point of that model, engine",
            "and machine carries it: its p50 interval across processes is the rounds' interval widened by the spread.",
            "Options it does not know go to eval (--model, --mean, --std, --data ...).",
            "Example: bench processes --runs 20 --model cnn"})
public final class BenchProcessesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--runs", defaultValue = "20", description = "Processes to run (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Unmatched
    List<String> evalOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (runs < 3 || runs > 100) {
            throw new UserError("--runs must be 3 to 100, got " + runs);
        }
        List<Double> p50s = new ArrayList<>();
        List<Boolean> busy = new ArrayList<>();
        JsonNode first = null;
        for (int i = 0; i < runs; i++) {
            JsonNode m = evalInAnotherProcess();
            if (first == null) {
                first = m;
            } else if (!same(first, m)) {
                throw new UserError("the processes measured different models or engines: '" + text(first) + "' and '"
                        + text(m) + "'");
            }
            p50s.add(m.path("latencyP50Ms").asDouble());
            busy.add(m.path("busy").asBoolean());
            System.err.printf(Locale.ROOT, "process %d of %d: p50 %.4f ms%s%n", i + 1, runs, p50s.get(i),
                    busy.get(i) ? " (busy machine)" : "");
        }
        double spread = ProcessSpreads.spreadOf(p50s);
        ProcessSpreads spreads = ProcessSpreads.forUser();
        ProcessSpreads.Entry entry = new ProcessSpreads.Entry(first.path("machine").asText(),
                first.path("network").asText(), first.path("engine").asText(), spread, p50s, Instant.now().toString());
        spreads.record(entry);
        long busyRuns = busy.stream().filter(b -> b).count();
        List<Double> sorted = p50s.stream().sorted().toList();
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("network", entry.network());
            o.put("engine", entry.engine());
            o.put("machine", entry.machine());
            o.put("processes", runs);
            o.put("spread", spread);
            o.put("minP50Ms", sorted.get(0));
            o.put("maxP50Ms", sorted.get(sorted.size() - 1));
            o.putPOJO("p50sMs", p50s);
            o.put("busyProcesses", busyRuns);
            o.put("file", spreads.file().toString());
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            System.out.printf(Locale.ROOT, "%s on %s%n%s%nbatch-1 p50 in %d processes: %.4f to %.4f ms;"
                            + " between processes \u00b1%.1f%% (95%%)%s%nrecorded in %s%n", entry.network(),
                    entry.engine(), entry.machine(), runs, sorted.get(0), sorted.get(sorted.size() - 1), spread * 100,
                    busyRuns == 0 ? "" : "; " + busyRuns + " measured on a busy machine", spreads.file());
        }
        return 0;
    }

    /** The baseline measured by {@code eval --json} in a fresh process of this program. */
    private JsonNode evalInAnotherProcess() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(thisProgram());
        command.add("eval");
        command.add("--json");
        command.addAll(evalOptions);
        Path errors = Files.createTempFile("paretowb-processes", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                List<String> lines = Files.readAllLines(errors).stream()
                        .filter(l -> l.startsWith("paretowb:")).toList();
                throw new UserError("eval failed in a child process: " + (lines.isEmpty() ? "exit code "
                        + process.exitValue() : lines.get(0).substring("paretowb:".length()).strip()));
            }
            String[] lines = new String(out, java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The command that started this process, and its jar or main class where it was java. */
    static List<String> thisProgram() {
        return program(ProcessHandle.current().info().command().orElse("java"),
                System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
    }

    /**
     * How to start this program again: an installed launcher (jpackage's, whose runtime has no java command) as it
     * is; java with the jar it ran ({@code -jar}) or with its class path and main class.
     */
    static List<String> program(String command, String javaCommand, String classPath) {
        String name = java.nio.file.Path.of(command).getFileName().toString();
        if (!name.equals("java") && !name.equals("java.exe")) {
            return List.of(command);
        }
        String started = javaCommand.split(" ")[0];
        if (started.isEmpty()) {
            throw new UserError("cannot tell how this program was started, so cannot start it again");
        }
        return started.endsWith(".jar") ? List.of(command, "-jar", started)
                : List.of(command, "-cp", classPath, started);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return text(a).equals(text(b));
    }

    private static String text(JsonNode m) {
        return m.path("network").asText() + " on " + m.path("engine").asText() + " \u00b7 " + m.path("machine").asText();
    }
}
