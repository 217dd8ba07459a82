package org.paretowb.views.knobs;

import java.util.List;
import javafx.beans.Observable;
import org.paretowb.models.recipe.Recipe;

/**
 * One section of the knobs panel, in the manner of PDFsam's options panes: it applies its settings to a recipe
 * being built, and restores its controls from a recipe (a point's, or undo's). A new technique is one more
 * section: its settings record, this, and its controls.
 */
public interface KnobSection {
    /** Sets this section's stage of the recipe from the knobs. */
    void apply(Recipe.Builder recipe);

    /** Sets the knobs from the recipe's stage (the knobs' defaults where the stage is off). */
    void restoreFrom(Recipe recipe);

    /**
     * The knobs whose every change is a change to measure (choices and switches). Sliders and fields are not
     * among them: their control says when a value is meant ({@link Knobs#changed()}), not every step of a drag.
     */
    List<Observable> measuredOnChange();

    /** A knob's percentage as a fraction, clamped to its range and rounded to 0.1 percent. */
    static double fraction(double percent, double max) {
        return Math.round(Math.max(0, Math.min(max, percent)) * 10) / 1000.0;
    }
}
