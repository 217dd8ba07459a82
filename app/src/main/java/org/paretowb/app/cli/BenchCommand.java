package org.paretowb.app.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of this machine: their figures go in release notes, not in unit tests.",
        subcommands = {BenchEvalCommand.class, BenchStructuredCommand.class, BenchDistillCommand.class,
            BenchLayersCommand.class, BenchEnginesCommand.class, BenchInteractiveCommand.class, BenchFilesCommand.class,
            BenchBatchCommand.class, BenchCoresCommand.class, BenchSearchCommand.class, BenchProcessesCommand.class})
public final class BenchCommand {
}
