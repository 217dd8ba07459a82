package org.paretowb.models.measure;

/**
 * One layer's (or one group of tied layers') sensitivity to one technique: the accuracy of the network with only
 * that layer changed, at each setting, and the cost the technique changes (see {@link SensitivityTechnique#cost()}).
 *
 * @param weights the layer's weight count
 * @param baseline the accuracy with the layer unchanged
 * @param baselineCost the cost with the layer unchanged
 */
public record LayerSensitivity(SensitivityTechnique technique, String layer, long weights, double baseline,
                               double baselineCost, double[] settings, double[] accuracy, double[] cost) {
    public LayerSensitivity {
        if (settings.length != accuracy.length || settings.length != cost.length) {
            throw new IllegalArgumentException("one accuracy and one cost per setting are needed");
        }
        settings = settings.clone();
        accuracy = accuracy.clone();
        cost = cost.clone();
    }

    /** The accuracy at the harshest setting tried (the last). */
    public double harshest() {
        return accuracy.length == 0 ? baseline : accuracy[accuracy.length - 1];
    }
}
