package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;

/**
 * Candidates through a workspace: one already measured there (same model and data, same recipe, same images) is
 * read back, not measured again; every other is measured by the delegate and saved the moment it is measured. A
 * search that is stopped or killed and started again with the same seed therefore replays its points from the
 * workspace and carries on where it stopped. When a recipe was measured more than once, the oldest point is used.
 */
public final class StoredEvaluator implements CandidateEvaluator {
    private final Workspace workspace;
    private final PointContext context;
    private final CandidateEvaluator delegate;
    private final Map<Key, CandidateEvaluator.Measured> stored = new HashMap<>();

    /** A recipe measured on a number of images, all of the set or its first ones. */
    private record Key(Recipe recipe, int samples, boolean subset) {
    }

    public StoredEvaluator(Workspace workspace, PointContext context, CandidateEvaluator delegate) {
        this.workspace = workspace;
        this.context = context;
        this.delegate = delegate;
        for (StoredPoint p : workspace.points(context)) {
            Measurement m = p.point().measurement();
            stored.putIfAbsent(new Key(p.point().recipe(), m.samples(), m.how() != null && m.how().subset()),
                    new Measured(m, p.point().id(), true));
        }
    }

    @Override
    public int fullSetSize() {
        return delegate.fullSetSize();
    }

    /** How many points of this model and data the workspace held when opened, or has measured since. */
    public int known() {
        return stored.size();
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel) {
        boolean subset = samples > 0 && samples < fullSetSize();
        int images = subset ? samples : fullSetSize();
        List<Recipe> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            Measured known = stored.get(new Key(recipes.get(i), images, subset));
            if (known != null) {
                sink.measured(i, known);
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
            StoredPoint saved = workspace.add(context, recipe, measured.measurement(), "", Environment.current());
            Measured now = new Measured(measured.measurement(), saved.point().id(), false);
            stored.putIfAbsent(new Key(recipe, images, subset), now);
            sink.measured(where.get(i), now);
        }, cancel);
    }
}
