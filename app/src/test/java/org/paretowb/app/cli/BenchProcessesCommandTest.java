package org.paretowb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchProcessesCommandTest {
    @Test
    void theProgramStartsAgainAsItWasStarted() {
        assertEquals(List.of("/usr/bin/java", "-jar", "app/target/paretowb.jar"), BenchProcessesCommand.program(
                "/usr/bin/java", "app/target/paretowb.jar bench processes --runs 20", "app/target/paretowb.jar"));
        assertEquals(List.of("/usr/bin/java", "-cp", "a.jar:b.jar", "org.example.Main"), BenchProcessesCommand.program(
                "/usr/bin/java", "org.example.Main bench processes", "a.jar:b.jar"));
        // jpackage's launcher: its runtime has no java command, the launcher itself takes the arguments
        assertEquals(List.of("/opt/paretowb/bin/paretowb"), BenchProcessesCommand.program(
                "/opt/paretowb/bin/paretowb", "org.paretowb.app.main.Main bench processes", "/opt/paretowb/lib/app/x.jar"));
    }
}
