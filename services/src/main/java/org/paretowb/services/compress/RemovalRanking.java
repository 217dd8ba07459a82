package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Measures what removing each removable layer or block alone costs: the accuracy of the rewired network, before
 * any fine-tuning, on the given images. Layer removal chooses the least sensitive by it.
 */
public final class RemovalRanking {
    private final LayerRemover remover;
    private final PyTorchRuntime runtime;

    public RemovalRanking(LayerRemover remover, PyTorchRuntime runtime) {
        this.remover = remover;
        this.runtime = runtime;
    }

    /** Each unit and the accuracy without it, most accurate (least sensitive) first; ties keep network order. */
    public List<Scored> rank(WeightSet weights, LabeledImages images) {
        List<Scored> scored = new ArrayList<>();
        for (LayerRemover.Unit unit : remover.units(weights.spec())) {
            scored.add(new Scored(unit, accuracy(remover.remove(weights, unit), images)));
        }
        scored.sort(Comparator.comparingDouble(Scored::accuracy).reversed());
        return scored;
    }

    /** The names of the {@code count} units whose removal alone costs least accuracy. */
    public List<String> leastSensitive(WeightSet weights, int count, LabeledImages images) {
        List<Scored> ranked = rank(weights, images);
        if (count > ranked.size()) {
            throw new IllegalArgumentException("cannot remove " + count + " layers: the network has " + ranked.size()
                    + " removable layers and blocks");
        }
        return ranked.subList(0, count).stream().map(s -> s.unit().name()).toList();
    }

    /** A unit and the accuracy of the network without it. */
    public record Scored(LayerRemover.Unit unit, double accuracy) {
    }

    /** Top-1 accuracy on {@code images}, in batches of 250. */
    public double accuracy(WeightSet weights, LabeledImages images) {
        int correct = 0;
        int classes = weights.spec().outputs();
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            for (int from = 0; from < images.size(); from += 250) {
                int count = Math.min(250, images.size() - from);
                float[] logits = network.logits(images.scaledPixels(from, count), count);
                for (int i = 0; i < count; i++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (logits[i * classes + c] > logits[i * classes + best]) {
                            best = c;
                        }
                    }
                    if (best == images.label(from + i)) {
                        correct++;
                    }
                }
            }
        }
        return images.size() == 0 ? 0 : (double) correct / images.size();
    }
}
