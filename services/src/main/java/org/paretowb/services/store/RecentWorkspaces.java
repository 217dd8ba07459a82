package org.paretowb.services.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspaces opened most recently, newest first, kept in a small text file (one path per line) in the
 * user's configuration folder. A list that cannot be read or written is treated as empty: it is a
 * convenience, and never a reason to refuse to start.
 */
public final class RecentWorkspaces {
    public static final int KEPT = 8;

    private final Path listFile;

    public RecentWorkspaces(Path listFile) {
        this.listFile = listFile;
    }

    /** The list in {@code $XDG_CONFIG_HOME/paretowb} (else {@code ~/.config/paretowb}). */
    public static RecentWorkspaces forUser() {
        return new RecentWorkspaces(configFolder().resolve("recent-workspaces.txt"));
    }

    /** Where a first run keeps its workspace: {@code $XDG_DATA_HOME/paretowb} (else {@code ~/.local/share/paretowb}). */
    public static Path defaultWorkspace() {
        String data = System.getenv("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank() ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("paretowb").resolve("workspace" + Workspace.EXTENSION);
    }

    /** {@code $XDG_CONFIG_HOME/paretowb}, else {@code ~/.config/paretowb}. */
    static Path configFolder() {
        String config = System.getenv("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("paretowb");
    }

    /** The recorded workspaces that still exist, newest first. */
    public List<Path> list() {
        try {
            if (!Files.isRegularFile(listFile)) {
                return List.of();
            }
            return Files.readAllLines(listFile).stream().filter(line -> !line.isBlank()).map(Path::of)
                    .filter(Files::isRegularFile).distinct().limit(KEPT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public Optional<Path> last() {
        return list().stream().findFirst();
    }

    /** Puts {@code workspace} first; false when the list could not be written. */
    public boolean opened(Path workspace) {
        List<Path> paths = new ArrayList<>(list());
        Path absolute = workspace.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        List<String> lines = paths.stream().limit(KEPT).map(Path::toString).toList();
        try {
            Files.createDirectories(listFile.getParent());
            Path temp = Files.createTempFile(listFile.getParent(), "recent", ".tmp");
            Files.write(temp, lines);
            Files.move(temp, listFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
