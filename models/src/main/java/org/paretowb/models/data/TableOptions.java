package org.paretowb.models.data;

/**
 * How a CSV table is read and split: its label column, and the seeded split into training and evaluation
 * rows. The same options on the same file give the same rows, so a model trained on one split is measured on
 * the other.
 *
 * @param labelColumn the label column's name or 0-based index; null for a column named target, label or
 *     class, else the last
 * @param evaluationShare the share of rows held out for evaluation, above 0 and below 1
 * @param seed the seed of the split
 */
public record TableOptions(String labelColumn, double evaluationShare, long seed) {
    public static final TableOptions DEFAULT = new TableOptions(null, 0.2, 1);

    public TableOptions {
        if (!(evaluationShare > 0 && evaluationShare < 1)) {
            throw new IllegalArgumentException("the evaluation share must be above 0 and below 1, got "
                    + evaluationShare);
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("the label column needs a name or a 0-based index");
        }
    }
}
