package org.paretowb.views.knobs;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.Recipe;

/** Low-rank factorization of the hidden dense layers: the parameters kept, 5 to 100 percent (100: off). */
public final class LowRankSection implements KnobSection {
    private final DoubleProperty percent = new SimpleDoubleProperty(100);

    @Override
    public void apply(Recipe.Builder recipe) {
        recipe.lowRank(new LowRankSettings(Math.round(Math.max(5, Math.min(100, percent.get())) * 10) / 1000.0));
    }

    @Override
    public void restoreFrom(Recipe recipe) {
        percent.set(recipe.lowRank().fraction() * 100);
    }

    @Override
    public List<Observable> measuredOnChange() {
        return List.of();
    }

    public DoubleProperty percentProperty() {
        return percent;
    }
}
