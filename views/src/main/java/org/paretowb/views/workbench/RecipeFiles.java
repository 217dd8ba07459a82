package org.paretowb.views.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.RecipeFile;
import org.paretowb.services.store.RecipeFileException;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.UserError;
import org.paretowb.views.knobs.Knobs;

/**
 * Point › Save recipe… and File › Open recipe…: a point's recipe to a recipe file (the file {@code eval --recipe}
 * runs headless), and a recipe file onto the knobs (an undoable change, measured as any knob change). Files are
 * read and written off the FX thread; a file that is refused leaves the knobs as they were and names what is wrong.
 */
public final class RecipeFiles {
    private final HistoryViewModel history;
    private final Knobs knobs;
    private final Executor fxThread;
    private final Executor io;
    private final Consumer<String> status;
    private final Consumer<String> error;

    RecipeFiles(HistoryViewModel history, Knobs knobs, Executor fxThread, Executor io, Consumer<String> status,
                Consumer<String> error) {
        this.history = history;
        this.knobs = knobs;
        this.fxThread = fxThread;
        this.io = io;
        this.status = status;
        this.error = error;
    }

    /** Writes the selected point's recipe to {@code file} (whole or not at all); completes when written. */
    public CompletableFuture<Void> saveSelected(Path file) {
        EvaluatedPoint point = history.selectedProperty().get();
        if (point == null) {
            error.accept("Select the point whose recipe to save.");
            return CompletableFuture.completedFuture(null);
        }
        String text = RecipeFile.text(point.recipe());
        return CompletableFuture.runAsync(() -> {
            try {
                AtomicFile.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError("cannot write " + file + ": " + e.getMessage());
            }
        }, io).handleAsync((done, failure) -> {
            if (failure == null) {
                status.accept("Saved point #" + point.id() + "'s recipe to " + file.getFileName()
                        + " (run it headless: paretowb eval --recipe " + file.getFileName() + ")");
            } else {
                error.accept("Saving the recipe failed: " + message(failure));
            }
            return null;
        }, fxThread);
    }

    /**
     * Reads {@code file} and puts its recipe on the knobs, which measure it. Stages the knobs do not hold
     * (fine-tuning, distillation: jobs of the Training tab) are named in the status line, not dropped silently.
     */
    public CompletableFuture<Void> open(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RecipeFile.read(file);
            } catch (RecipeFileException e) {
                throw new UserError(e.getMessage());
            }
        }, io).handleAsync((recipe, failure) -> {
            if (failure != null) {
                error.accept("Opening the recipe failed: " + message(failure));
                return null;
            }
            knobs.apply(recipe);
            List<String> jobs = jobsNotOnKnobs(recipe);
            status.accept("Opened the recipe " + file.getFileName() + (jobs.isEmpty() ? ": measuring it"
                    : ": measuring its knobs; " + String.join(" and ", jobs)
                    + " run as a job of the Training tab, or headless with eval --recipe"));
            return null;
        }, fxThread);
    }

    /** The recipe's stages that are jobs rather than knobs, described ("fine-tuning (2 epochs)"). */
    static List<String> jobsNotOnKnobs(Recipe recipe) {
        List<String> jobs = new ArrayList<>();
        if (recipe.distillation().active()) {
            jobs.add("its distillation (" + recipe.distillation().summary() + ")");
        }
        if (recipe.fineTune().active()) {
            jobs.add(String.format(Locale.ROOT, "its fine-tuning (%d epoch%s)", recipe.fineTune().epochs(),
                    recipe.fineTune().epochs() == 1 ? "" : "s"));
        }
        return jobs;
    }

    private static String message(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
