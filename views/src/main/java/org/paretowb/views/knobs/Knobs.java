package org.paretowb.views.knobs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.paretowb.models.recipe.Recipe;

/**
 * The knobs panel's state: its sections, the recipe they describe, and undo and redo of knob changes. It decides
 * when a change is measured: a change is a recipe that differs from the last one measured, checked once the FX
 * thread has finished the event that set the knobs (so setting several knobs at once, as undo or "apply" do,
 * measures once, and a value set back to what was measured, not at all).
 */
public final class Knobs {
    private final PruningSection pruning = new PruningSection();
    private final StructuredSection structured = new StructuredSection();
    private final LowRankSection lowRank = new LowRankSection();
    private final QuantizationSection quantization = new QuantizationSection();
    private final List<KnobSection> sections = List.of(structured, lowRank, pruning, quantization);
    private final Executor fxThread;
    private final Consumer<Recipe> measure;
    private final java.util.function.Predicate<Recipe> revisit;
    private final Deque<Recipe> undo = new ArrayDeque<>();
    private final Deque<Recipe> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private Recipe measured = Recipe.BASELINE;
    private boolean checkPending;

    /** @param measure measures a recipe the knobs describe (latest wins) */
    public Knobs(Executor fxThread, Consumer<Recipe> measure) {
        this(fxThread, measure, recipe -> false);
    }

    /**
     * @param measure measures a recipe the knobs describe (latest wins)
     * @param revisit on undo and redo: selects the point of that recipe already measured, if there is one (then
     *                true, and nothing is measured again)
     */
    public Knobs(Executor fxThread, Consumer<Recipe> measure, java.util.function.Predicate<Recipe> revisit) {
        this.fxThread = fxThread;
        this.measure = measure;
        this.revisit = revisit;
        sections.forEach(s -> s.measuredOnChange().forEach(knob -> knob.addListener(o -> changed())));
        restore(Recipe.BASELINE);
    }

    /** The recipe the knobs describe now. */
    public Recipe recipe() {
        Recipe.Builder builder = Recipe.builder();
        sections.forEach(s -> s.apply(builder));
        return builder.build();
    }

    /** The knobs' recipe with static int8 where it pays instead of their quantization: what the int8 profile times. */
    public Recipe staticInt8Recipe() {
        return recipe().toBuilder().quantization(QuantizationSection.staticWhereItPays()).build();
    }

    /**
     * A knob was set to a value meant to be measured (a slider released, a value typed, a choice made). The
     * knobs are compared with the recipe measured last once the FX thread has finished what it is doing, so
     * knobs set together (undo, "apply", a checklist setting the mode and the layers) are one change, and a
     * value set back to what was measured is none.
     */
    public void changed() {
        if (!checkPending) {
            checkPending = true;
            fxThread.execute(() -> {
                checkPending = false;
                check();
            });
        }
    }

    private void check() {
        Recipe now = recipe();
        if (now.equals(measured)) {
            return;
        }
        undo.push(measured);
        redo.clear();
        measureNow(now);
    }

    /** Measures the knobs' recipe again, changed or not (no undo step when unchanged). */
    public void measureAgain() {
        if (!recipe().equals(measured)) {
            check();
        } else {
            measureNow(measured);
        }
    }

    /** Back to the knobs before the last change: its point if it was measured, else measured now. */
    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(measured);
            restoreAndRevisit(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(measured);
            restoreAndRevisit(redo.pop());
        }
    }

    private void restoreAndRevisit(Recipe recipe) {
        sections.forEach(s -> s.restoreFrom(recipe));
        Recipe now = recipe();
        if (revisit.test(now)) {
            measured = now;
            updateUndo();
        } else {
            measureNow(now);
        }
    }

    /** Puts a point's recipe on the knobs (an undoable change) and measures it. */
    public void apply(Recipe recipe) {
        undo.push(measured);
        redo.clear();
        restoreAndMeasure(recipe);
    }

    /** Back to the defaults with no history (the window started over); nothing is measured. */
    public void reset() {
        undo.clear();
        redo.clear();
        restore(Recipe.BASELINE);
    }

    private void restoreAndMeasure(Recipe recipe) {
        sections.forEach(s -> s.restoreFrom(recipe));
        measureNow(recipe());
    }

    private void restore(Recipe recipe) {
        sections.forEach(s -> s.restoreFrom(recipe));
        measured = recipe();
        updateUndo();
    }

    private void measureNow(Recipe recipe) {
        measured = recipe;
        updateUndo();
        measure.accept(recipe);
    }

    private void updateUndo() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public PruningSection pruning() {
        return pruning;
    }

    public StructuredSection structured() {
        return structured;
    }

    public LowRankSection lowRank() {
        return lowRank;
    }

    public QuantizationSection quantization() {
        return quantization;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
