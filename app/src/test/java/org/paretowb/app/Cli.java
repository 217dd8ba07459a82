package org.paretowb.app;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.paretowb.app.main.Main;
import picocli.CommandLine;

/** Runs a command of the command line in this JVM, as the tests need it: exit code, standard output and error. */
final class Cli {
    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
        /** "eval --model x: exit 2: paretowb: ..." for assertion messages. */
        String describe(String... args) {
            return String.join(" ", args) + ": exit " + exit + ": " + err.strip();
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        PrintStream wasOut = System.out;
        PrintStream wasErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit;
        try {
            exit = cli.execute(args);
        } finally {
            System.setOut(wasOut);
            System.setErr(wasErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), progress.toString(StandardCharsets.UTF_8) + err);
    }

    /** Whether Debian's PyTorch (python3-torch) runs here; the tests that train with it are skipped elsewhere. */
    static boolean torchInstalled() {
        if (!new File("/usr/bin/python3").canExecute()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
