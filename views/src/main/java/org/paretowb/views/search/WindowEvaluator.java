package org.paretowb.views.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.search.CandidateEvaluator;
import org.paretowb.services.search.RecallingEvaluator;
import org.paretowb.views.workbench.HistoryViewModel;

/**
 * The window's candidates: one the window's points already hold (same recipe, same number of images, on the same
 * model and data: a search that was stopped, or crashed with the window, starts again where it was) is read back, not
 * measured again; every other is measured by the delegate on the lane and added to the window's points (table,
 * charts and workspace) the moment it is measured. Runs on the lane; the points are read and added on the FX thread.
 */
final class WindowEvaluator extends RecallingEvaluator {
    private final HistoryViewModel history;
    private final Executor fxThread;
    private final MeasuringSession.Stamp stamp;

    WindowEvaluator(CandidateEvaluator delegate, HistoryViewModel history, Executor fxThread,
                    MeasuringSession.Stamp stamp, List<EvaluatedPoint> points) {
        super(delegate);
        this.history = history;
        this.fxThread = fxThread;
        this.stamp = stamp;
        for (EvaluatedPoint p : points) {
            remember(p.recipe(), p.measurement().samples(), new Measured(p.measurement(), p.id(), true));
        }
    }

    @Override
    protected Measured keep(Recipe recipe, Measured measured) {
        CompletableFuture<EvaluatedPoint> added = new CompletableFuture<>();
        fxThread.execute(() -> history.add(recipe, measured.measurement(), stamp).whenComplete((p, failure) -> {
            if (failure != null) {
                added.completeExceptionally(failure);
            } else {
                added.complete(p);
            }
        }));
        return new Measured(measured.measurement(), id(added), false);
    }

    /** The added point's id (0 where the window keeps no such point, e.g. its inputs changed meanwhile). */
    private static int id(CompletableFuture<EvaluatedPoint> added) {
        try {
            EvaluatedPoint p = added.get(60, java.util.concurrent.TimeUnit.SECONDS); // the window may be closing
            return p == null ? 0 : p.id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return 0;
        }
    }
}
