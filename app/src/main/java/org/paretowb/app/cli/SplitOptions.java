package org.paretowb.app.cli;

import org.paretowb.models.data.TableOptions;
import picocli.CommandLine.Option;

/** How a CSV --data file is read and split: {@code --label-column} and {@code --eval-share} (the seed is {@code --seed}). */
public final class SplitOptions {
    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "The label column of a CSV file, by name or 0-based index (default: a column named target,"
                    + " label or class, else the last). Messages count columns from 1, as an editor does.")
    String labelColumn;

    @Option(names = "--eval-share", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Share of a CSV file's rows held out for evaluation; the rest train, fine-tune and calibrate."
                    + " The same share and --seed give the same rows (default: ${DEFAULT-VALUE}).")
    double evaluationShare;

    /** The table options these flags and {@code seed} give; a value out of range is a one-line user error. */
    public TableOptions table(long seed) {
        return Flags.settings("--eval-share/--label-column", () -> new TableOptions(labelColumn, evaluationShare, seed));
    }
}
