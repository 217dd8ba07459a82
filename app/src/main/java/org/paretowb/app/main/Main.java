package org.paretowb.app.main;

import org.paretowb.app.cli.BenchCommand;
import org.paretowb.app.cli.EnsembleCommand;
import org.paretowb.app.cli.EvalCommand;
import org.paretowb.app.cli.ExportCommand;
import org.paretowb.app.cli.GroupsCommand;
import org.paretowb.app.cli.PointsCommand;
import org.paretowb.app.cli.ReportCommand;
import org.paretowb.app.cli.ScreenshotCommand;
import org.paretowb.app.cli.SearchCommand;
import org.paretowb.app.cli.SensitivityCommand;
import org.paretowb.app.cli.SweepCommand;
import org.paretowb.app.cli.TorchScriptCommand;
import org.paretowb.app.cli.TrainCommand;
import org.paretowb.app.cli.TrainExampleCommand;
import org.paretowb.services.usecase.UserError;
import org.paretowb.app.WorkbenchLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point. Without arguments it opens the workbench window; with a command it runs that command.
 * It does not extend JavaFX's Application, so the fat jar runs JavaFX from the class path.
 */
@Command(name = "paretowb", mixinStandardHelpOptions = true, version = "Pareto Workbench 0.1.0",
        description = "Compress neural networks and measure accuracy, latency and size on this machine.",
        subcommands = {EvalCommand.class, ExportCommand.class, SweepCommand.class, SearchCommand.class, PointsCommand.class, ReportCommand.class, TorchScriptCommand.class, SensitivityCommand.class, TrainExampleCommand.class, TrainCommand.class, BenchCommand.class, GroupsCommand.class, EnsembleCommand.class,
            ScreenshotCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length == 0) {
            WorkbenchLauncher.launch();
            return;
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof UserError || e instanceof org.paretowb.services.store.WorkspaceException) {
                line.getErr().println("paretowb: " + e.getMessage());
                return 2;
            }
            line.getErr().println("paretowb: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            if (e.getCause() instanceof org.paretowb.app.cli.ModelChoice.FileFault fault) {
                e.getCommandLine().getErr().println("paretowb: " + fault.getMessage());
                return 2;
            }
            e.getCommandLine().getErr().println("paretowb: " + e.getMessage()
                    + " (see 'paretowb " + commandName(e.getCommandLine()) + "--help')");
            return 2;
        });
        return cli;
    }

    private static String commandName(CommandLine line) {
        return line.getParent() == null ? "" : line.getCommandName() + " ";
    }

    @Override
    public void run() {
        WorkbenchLauncher.launch();
    }
}
