package org.paretowb.models.data;

import java.util.List;

/**
 * A table's rows split by {@link TableOptions}: the training rows (fine-tuning and calibration use them) and
 * the evaluation rows (points are measured on them), with a name per class in label order.
 */
public record TableSplit(LabeledImages training, LabeledImages evaluation, List<String> classNames) {
    public TableSplit {
        classNames = List.copyOf(classNames);
    }

    /** Splits {@code rows}; a message when there are too few rows to split. */
    public static TableSplit of(LabeledImages rows, TableOptions options, List<String> classNames)
            throws DatasetException {
        try {
            LabeledImages[] parts = rows.split(options.evaluationShare(), options.seed());
            return new TableSplit(parts[0], parts[1], classNames);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(e.getMessage(), e);
        }
    }
}
