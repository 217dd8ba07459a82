package org.paretowb.app.cli;

import org.paretowb.models.data.TableOptions;
import picocli.CommandLine.Option;

/**
 * How --data is split into evaluation and training parts: {@code --label-column} (CSV) and {@code --eval-share} (the
 * seed is {@code --seed}). A CSV file is always split (0.2 by default); images only when --eval-share is given.
 */
public final class SplitOptions {
    static final double TABLE_SHARE = 0.2;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "The label column of a CSV file, by name or 0-based index (default: a column named target,"
                    + " label or class, else the last). Messages count columns from 1, as an editor does.")
    String labelColumn;

    @Option(names = "--eval-share", paramLabel = "SHARE",
            description = "Share of the data held out for evaluation; the rest trains, fine-tunes and calibrates. The"
                    + " same share and --seed give the same split (default: 0.2 for a CSV file; images are split"
                    + " only when it is given).")
    Double evaluationShare;

    /** The table options these flags and {@code seed} give; a value out of range is a one-line user error. */
    public TableOptions table(long seed) {
        return Flags.settings("--eval-share/--label-column", () -> new TableOptions(labelColumn,
                evaluationShare == null ? TABLE_SHARE : evaluationShare, seed));
    }

    /** The evaluation share images are split by; null when none was given (no split). */
    Double imageShare() {
        return evaluationShare;
    }
}
