package org.paretowb.views.knobs;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

/** Unstructured magnitude pruning: the share of weights set to zero, in percent. */
public final class PruningSection implements KnobSection {
    public static final double MAX_PERCENT = 95;
    private final DoubleProperty percent = new SimpleDoubleProperty(0);

    @Override
    public void apply(Recipe.Builder recipe) {
        recipe.pruning(new PruningSettings(KnobSection.fraction(percent.get(), MAX_PERCENT)));
    }

    @Override
    public void restoreFrom(Recipe recipe) {
        percent.set(recipe.pruning().sparsity() * 100);
    }

    @Override
    public List<Observable> measuredOnChange() {
        return List.of();
    }

    public DoubleProperty percentProperty() {
        return percent;
    }
}
