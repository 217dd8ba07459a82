package org.paretowb.models.recipe;

/**
 * The compression technique a recipe stands for on a chart: the one technique it uses (fine-tuning goes
 * with it), or "combined" when it uses several. Removing whole layers counts as structured pruning.
 */
public enum Technique {
    BASELINE("Baseline"),
    PRUNING("Pruning"),
    STRUCTURED("Structured pruning"),
    LOW_RANK("Low-rank"),
    QUANTIZATION("Quantization"),
    DISTILLATION("Distillation"),
    FINE_TUNING("Fine-tuning"),
    COMBINED("Combined");

    private final String title;

    Technique(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Technique of(Recipe recipe) {
        Technique found = null;
        int count = 0;
        if (recipe.pruning().active()) {
            found = PRUNING;
            count++;
        }
        if (recipe.structured().active() || recipe.removal().active()) {
            found = STRUCTURED;
            count++;
        }
        if (recipe.lowRank().active()) {
            found = LOW_RANK;
            count++;
        }
        if (recipe.quantization().active()) {
            found = QUANTIZATION;
            count++;
        }
        if (recipe.distillation().active()) {
            found = DISTILLATION;
            count++;
        }
        if (count > 1) {
            return COMBINED;
        }
        if (count == 1) {
            return found;
        }
        return recipe.fineTune().active() ? FINE_TUNING : BASELINE;
    }
}
