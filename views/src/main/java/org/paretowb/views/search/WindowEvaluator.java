package org.paretowb.views.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.search.CandidateEvaluator;
import org.paretowb.views.workbench.HistoryViewModel;

/**
 * The window's candidates: one the window's points already hold (same recipe, same number of images, on the same
 * model and data: a search that was stopped, or crashed with the window, starts again where it was) is read back, not
 * measured again; every other is measured by the delegate on the lane and added to the window's points (table,
 * charts and workspace) the moment it is measured. Runs on the lane; the points are read and added on the FX thread.
 */
final class WindowEvaluator implements CandidateEvaluator {
    private final CandidateEvaluator delegate;
    private final HistoryViewModel history;
    private final Executor fxThread;
    private final MeasuringSession.Stamp stamp;
    private final Map<Key, Measured> known = new HashMap<>();

    private record Key(Recipe recipe, int samples) {
    }

    WindowEvaluator(CandidateEvaluator delegate, HistoryViewModel history, Executor fxThread,
                    MeasuringSession.Stamp stamp, List<EvaluatedPoint> points) {
        this.delegate = delegate;
        this.history = history;
        this.fxThread = fxThread;
        this.stamp = stamp;
        for (EvaluatedPoint p : points) {
            known.putIfAbsent(new Key(p.recipe(), p.measurement().samples()), new Measured(p.measurement(), p.id(), true));
        }
    }

    @Override
    public int fullSetSize() {
        return delegate.fullSetSize();
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel) {
        int images = samples > 0 && samples < fullSetSize() ? samples : fullSetSize();
        List<Recipe> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            Measured point = known.get(new Key(recipes.get(i), images));
            if (point != null) {
                sink.measured(i, point);
            } else {
                missing.add(recipes.get(i));
                where.add(i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        delegate.measure(missing, samples, (i, measured) -> {
            Recipe recipe = missing.get(i);
            CompletableFuture<EvaluatedPoint> added = new CompletableFuture<>();
            fxThread.execute(() -> history.add(recipe, measured.measurement(), stamp).whenComplete((p, failure) -> {
                if (failure != null) {
                    added.completeExceptionally(failure);
                } else {
                    added.complete(p);
                }
            }));
            Measured now = new Measured(measured.measurement(), id(added), false);
            known.putIfAbsent(new Key(recipe, images), now);
            sink.measured(where.get(i), now);
        }, cancel);
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
