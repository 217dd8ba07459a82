package org.paretowb.services.store;

/**
 * What a point was measured on: the model and the evaluation data, by title and by content hash (SHA-256
 * of their bytes), so that a workspace never mixes points of different models or data sets unnoticed.
 */
public record PointContext(String model, String modelHash, String data, String dataHash) {
    public PointContext {
        if (model == null || modelHash == null || data == null || dataHash == null) {
            throw new IllegalArgumentException("a point's context needs the model and the data, each with a hash");
        }
    }

    /** Whether a point of {@code other} can share charts with points of this context. */
    public boolean sameAs(PointContext other) {
        return modelHash.equals(other.modelHash) && dataHash.equals(other.dataHash);
    }
}
