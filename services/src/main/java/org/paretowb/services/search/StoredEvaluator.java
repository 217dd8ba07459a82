package org.paretowb.services.search;

import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.store.Environment;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;

/**
 * Candidates through a workspace: one already measured there (same model and data, same recipe, same images) is
 * read back, not measured again; every other is measured by the delegate and saved the moment it is measured
 * ({@link RecallingEvaluator}). A stored point counts only where its subset flag agrees with its images: fewer than
 * the full set, a subset; all of them, not.
 */
public final class StoredEvaluator extends RecallingEvaluator {
    private final Workspace workspace;
    private final PointContext context;

    public StoredEvaluator(Workspace workspace, PointContext context, CandidateEvaluator delegate) {
        super(delegate);
        this.workspace = workspace;
        this.context = context;
        for (StoredPoint p : workspace.points(context)) {
            Measurement m = p.point().measurement();
            boolean subset = m.how() != null && m.how().subset();
            if (subset == m.samples() < fullSetSize()) {
                remember(p.point().recipe(), m.samples(), new Measured(m, p.point().id(), true));
            }
        }
    }

    @Override
    protected Measured keep(Recipe recipe, Measured measured) {
        StoredPoint saved = workspace.add(context, recipe, measured.measurement(), "", Environment.current());
        return new Measured(measured.measurement(), saved.point().id(), false);
    }
}
