package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshWorkspaceTest {
    @TempDir
    Path home;

    @Test
    void aFirstRunGetsAWorkspaceNobodyElseFilled() throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 12, 6, 22, 5, 0);
        Path folder = home.resolve("paretowb");
        Path first = WorkbenchApplication.freshWorkspace(folder, now);
        assertTrue(Files.isDirectory(folder), "the folder is created");
        assertFalse(Files.exists(first), "a new file, not an existing one");
        assertTrue(first.getFileName().toString().startsWith("workspace-2026-12-06-220500"), first.toString());
        Files.createFile(first); // another window made that one in the same second
        Path second = WorkbenchApplication.freshWorkspace(folder, now);
        assertNotEquals(first, second);
        assertFalse(Files.exists(second));
    }
}
