package org.paretowb.views.training;

import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;

/** Where a training job's points go (the workbench's charts and history). Called on the FX thread. */
public interface StudentPoints {
    /** The network measured after an epoch, before training has finished: shown, not kept. */
    void interim(Recipe recipe, Measurement measurement, String label);

    /** The finished job's point: kept in the history. */
    void finished(Recipe recipe, Measurement measurement);

    /** The job stopped without a point (cancelled or failed): whatever {@link #interim} showed goes. */
    void abandoned();
}
