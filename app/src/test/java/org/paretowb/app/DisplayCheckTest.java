package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayCheckTest {
    @TempDir
    Path libs;

    @Test
    void withoutGtkTheWindowSaysWhatToInstallInOneLine() {
        String problem = new DisplayCheck("Linux", Map.of("DISPLAY", ":0"), List.of(libs)).problem().orElseThrow();
        assertTrue(problem.contains("apt-get install libgtk-3-0"), problem);
        assertTrue(!problem.contains("\n"), "one line: " + problem);
    }

    @Test
    void withoutADisplayItSaysToUseXvfb() throws Exception {
        Files.createFile(libs.resolve(DisplayCheck.GTK));
        String problem = new DisplayCheck("Linux", Map.of(), List.of(libs)).problem().orElseThrow();
        assertTrue(problem.contains("xvfb-run") && problem.contains("DISPLAY"), problem);
    }

    @Test
    void gtkAndADisplayOrAnotherSystemAreFine() throws Exception {
        Files.createFile(libs.resolve(DisplayCheck.GTK));
        assertEquals(Optional.empty(), new DisplayCheck("Linux", Map.of("DISPLAY", ":99"), List.of(libs)).problem());
        assertEquals(Optional.empty(), new DisplayCheck("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), List.of(libs))
                .problem());
        assertEquals(Optional.empty(), new DisplayCheck("Windows 11", Map.of(), List.of()).problem());
    }
}
