package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * Candidates that remember their points: one already measured (the same recipe on the same number of images) is read
 * back, not measured again; every other is measured by the delegate and kept, by {@link #keep}, the moment it is
 * measured. A search stopped or killed and started again with the same seed therefore replays its points and carries
 * on where it stopped. When a recipe was measured more than once, the first one remembered is used.
 */
public abstract class RecallingEvaluator implements CandidateEvaluator {
    private final CandidateEvaluator delegate;
    private final Map<Key, Measured> known = new HashMap<>();

    /** A recipe measured on a number of images, the first ones of the evaluation set (all of it, or fewer). */
    private record Key(Recipe recipe, int images) {
    }

    protected RecallingEvaluator(CandidateEvaluator delegate) {
        this.delegate = delegate;
    }

    /** Remembers a point measured before (the first one remembered for its recipe and images stays). */
    protected final void remember(Recipe recipe, int images, Measured measured) {
        known.putIfAbsent(new Key(recipe, images), measured);
    }

    /** Keeps a candidate just measured (in a workspace, in a window) and says where. */
    protected abstract Measured keep(Recipe recipe, Measured measured);

    @Override
    public int fullSetSize() {
        return delegate.fullSetSize();
    }

    @Override
    public final void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel) {
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
            Measured now = keep(recipe, measured);
            remember(recipe, images, now);
            sink.measured(where.get(i), now);
        }, cancel);
    }
}
