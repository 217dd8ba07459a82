package org.paretowb.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the window needs before JavaFX starts, checked first so that a missing piece is one line saying what to
 * install, not a stack trace from JavaFX's start-up: on Linux a display (an X or Wayland session, or Xvfb) and
 * GTK 3, whose library JavaFX's window toolkit loads.
 */
public final class DisplayCheck {
    /** Where Linux distributions keep shared libraries (Debian's multiarch folders first). */
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib");
    static final String GTK = "libgtk-3.so.0";

    private final String os;
    private final Map<String, String> env;
    private final List<Path> libraryDirs;

    DisplayCheck(String os, Map<String, String> env, List<Path> libraryDirs) {
        this.os = os;
        this.env = env;
        this.libraryDirs = libraryDirs;
    }

    /** The check for this machine. */
    public static DisplayCheck here() {
        List<Path> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String dir : ld.split(":")) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        LIBRARY_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return new DisplayCheck(System.getProperty("os.name", ""), System.getenv(), dirs);
    }

    /** Why the window cannot open here, in one line that says what to do; empty when it can. */
    public Optional<String> problem() {
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if (libraryDirs.stream().noneMatch(dir -> Files.exists(dir.resolve(GTK)))) {
            return Optional.of("the window needs GTK 3, which is not installed: sudo apt-get install libgtk-3-0"
                    + " (Debian, Ubuntu; gtk3 on Fedora). The command-line tools (paretowb --help) run without it.");
        }
        if (blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            return Optional.of("no display to open the window on (DISPLAY is not set): run it in a desktop session,"
                    + " or without a screen under xvfb-run (sudo apt-get install xvfb). The command-line tools"
                    + " (paretowb --help) run without one.");
        }
        return Optional.empty();
    }

    private boolean blank(String name) {
        String value = env.get(name);
        return value == null || value.isBlank();
    }
}
