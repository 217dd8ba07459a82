package org.paretowb.models.measure;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.data.LabeledImages;

/**
 * What a compressed network forgot against the baseline, image by image: per-class accuracy deltas and the
 * images whose prediction flipped, on the images both were evaluated on (the evaluation set's first
 * {@code images}). Aggregate accuracy hides a class that fails badly; this does not.
 *
 * @param images how many images were compared
 * @param classDelta per class, the point's accuracy minus the baseline's, on the compared images (NaN when a
 *                   class has none of them)
 * @param lost indices of images the baseline got right and the point gets wrong
 * @param gained indices of images the baseline got wrong and the point gets right
 */
public record Forgetting(int images, double[] classDelta, List<Integer> lost, List<Integer> gained) {

    public Forgetting {
        classDelta = classDelta.clone();
        lost = List.copyOf(lost);
        gained = List.copyOf(gained);
    }

    @Override
    public double[] classDelta() {
        return classDelta.clone();
    }

    /** Compares two measurements of the same model family on {@code data}, whose labels they predicted. */
    public static Forgetting between(Measurement baseline, Measurement point, LabeledImages data) {
        byte[] before = baseline.predictions();
        byte[] after = point.predictions();
        int n = Math.min(Math.min(before.length, after.length), data.size());
        int classes = Math.max(baseline.perClass().length, point.perClass().length);
        int[] seen = new int[classes];
        int[] rightBefore = new int[classes];
        int[] rightAfter = new int[classes];
        List<Integer> lost = new ArrayList<>();
        List<Integer> gained = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = data.label(i);
            boolean wasRight = before[i] == label;
            boolean isRight = after[i] == label;
            if (label >= 0 && label < classes) {
                seen[label]++;
                rightBefore[label] += wasRight ? 1 : 0;
                rightAfter[label] += isRight ? 1 : 0;
            }
            if (wasRight && !isRight) {
                lost.add(i);
            } else if (!wasRight && isRight) {
                gained.add(i);
            }
        }
        double[] delta = new double[classes];
        for (int c = 0; c < classes; c++) {
            delta[c] = seen[c] == 0 ? Double.NaN : (double) (rightAfter[c] - rightBefore[c]) / seen[c];
        }
        return new Forgetting(n, delta, lost, gained);
    }
}
