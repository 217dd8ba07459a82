package org.paretowb.app;

import org.paretowb.app.main.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.services.store.Workspace;

/** Real processes on one workspace: a sweep killed with SIGKILL, and two sweeps appending at once. */
class WorkspaceCrashIT {
    private static final String GRID = "prune=0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9;bits=32,8";

    @TempDir
    Path dir;

    private Process sweep(Path workspace, String grid, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                Main.class.getName(), "sweep", "--model", "mlp", "--grid", grid, "--samples", "500",
                "--workspace", workspace.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int count(Path workspace) {
        if (!Files.exists(workspace)) {
            return 0;
        }
        try (Workspace w = Workspace.open(workspace)) {
            return w.points().size();
        }
    }

    @Test
    void aSweepKilledMidwayKeepsEveryFinishedPointAndTheFileIsSound() throws Exception {
        Path workspace = dir.resolve("killed" + Workspace.EXTENSION);
        Path log = dir.resolve("sweep.log");
        Process process = sweep(workspace, GRID, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        int seen = 0;
        while (seen < 4 && process.isAlive() && System.nanoTime() < deadline) {
            process.waitFor(200, TimeUnit.MILLISECONDS);
            seen = count(workspace);
        }
        assertTrue(process.isAlive(), "the sweep was still running when killed: " + Files.readString(log));
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by signal 9");

        long finished = Files.readAllLines(log).stream().filter(line -> line.matches("\\[\\d+/20] .*")).count();
        try (Workspace w = Workspace.open(workspace)) {
            assertEquals("ok", w.integrityCheck());
            int kept = w.points().size();
            assertTrue(kept >= seen && kept >= finished, "kept " + kept + ", saw " + seen + ", finished " + finished);
            assertTrue(kept < 20, "killed before the end: " + kept);
        }
    }

    @Test
    void twoSweepsAppendingAtOnceKeepEveryPointOfBoth() throws Exception {
        Path workspace = dir.resolve("shared" + Workspace.EXTENSION);
        Process a = sweep(workspace, "prune=0,0.2,0.4,0.6,0.8", dir.resolve("a.log"));
        Process b = sweep(workspace, "prune=0.1,0.3,0.5,0.7,0.9;bits=32,8", dir.resolve("b.log"));
        for (Process p : List.of(a, b)) {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        }
        assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.log")));
        assertEquals(0, b.exitValue(), Files.readString(dir.resolve("b.log")));
        try (Workspace w = Workspace.open(workspace)) {
            assertEquals(15, w.points().size(), "5 points of one sweep and 10 of the other");
            assertEquals("ok", w.integrityCheck());
        }
    }
}
