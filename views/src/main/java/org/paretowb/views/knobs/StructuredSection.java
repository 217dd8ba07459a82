package org.paretowb.views.knobs;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/** Structured pruning: the share of channels and neurons removed, in percent, and the norm that ranks them. */
public final class StructuredSection implements KnobSection {
    public static final double MAX_PERCENT = 90;
    private final DoubleProperty percent = new SimpleDoubleProperty(0);
    private final ObjectProperty<StructuredPruningSettings.Norm> norm =
            new SimpleObjectProperty<>(StructuredPruningSettings.Norm.L1);

    @Override
    public void apply(Recipe.Builder recipe) {
        recipe.structured(new StructuredPruningSettings(KnobSection.fraction(percent.get(), MAX_PERCENT), norm.get()));
    }

    @Override
    public void restoreFrom(Recipe recipe) {
        percent.set(recipe.structured().ratio() * 100);
        norm.set(recipe.structured().norm());
    }

    @Override
    public List<Observable> measuredOnChange() {
        return List.of(norm);
    }

    public DoubleProperty percentProperty() {
        return percent;
    }

    public ObjectProperty<StructuredPruningSettings.Norm> normProperty() {
        return norm;
    }
}
