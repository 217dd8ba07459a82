package org.paretowb.models.measure;

/**
 * Accuracy figures of one evaluation.
 *
 * @param top1 share of images whose highest logit is their label
 * @param top5 share of images whose label is among the five highest logits
 * @param perClass top-1 accuracy of each class's images, by class index (NaN for a class with no image)
 * @param predictions the predicted class of each evaluated image, in evaluation order
 */
public record Accuracy(double top1, double top5, double[] perClass, byte[] predictions) {
    public Accuracy {
        perClass = perClass.clone();
        predictions = predictions.clone();
    }

    @Override
    public double[] perClass() {
        return perClass.clone();
    }

    @Override
    public byte[] predictions() {
        return predictions.clone();
    }
}
