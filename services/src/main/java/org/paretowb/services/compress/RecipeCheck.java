package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Students;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

/**
 * What a recipe needs of the network and the data, checked before any stage runs: a job that cannot finish is
 * refused at once with what is wrong, not after minutes of training ("no calibrated layer 'conv2'" after 25 s of
 * distillation into an MLP that has no conv2).
 */
public final class RecipeCheck {
    private RecipeCheck() {
    }

    /**
     * The settings against the network: the student can be built on this input, and the int8 layers listed are
     * layers of the network that will be quantized (the student's when distilling).
     *
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static void check(WeightSet original, Recipe recipe) {
        NetworkSpec quantized = original.spec();
        String whose = "this network";
        if (recipe.distillation().active()) {
            String student = recipe.distillation().student();
            quantized = Students.parse(student, original.spec(), original.spec().outputs());
            whose = "the student " + student;
        }
        QuantizationSettings q = recipe.quantization();
        Int8Layers int8 = q.int8Layers();
        // low-rank factorization splits a layer in two, with names of its own: the engine checks those later
        if (q.mode() == QuantizationSettings.Mode.STATIC && int8.kind() == Int8Layers.Kind.LISTED
                && !recipe.lowRank().active()) {
            List<String> layers = LayerNames.list(quantized);
            List<String> missing = new ArrayList<>(int8.names());
            missing.removeAll(layers);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "int8 layer%s %s %s not in %s, whose layers are %s: choose among those, or 'all' or"
                                + " 'where it pays'", missing.size() == 1 ? "" : "s", String.join(", ", missing),
                        missing.size() == 1 ? "is" : "are", whose, String.join(", ", layers)));
            }
        }
    }

    /**
     * The training images against the network and the recipe's budgets: the same image shape as the network's
     * input, and at least one batch of them.
     */
    public static void checkTraining(WeightSet original, Recipe recipe, LabeledImages training, String stage) {
        NetworkSpec spec = original.spec();
        // the values per image decide (a table's rows are 1 x 1 x N however they were read)
        if (training.pixelsPerImage() != spec.channels() * spec.height() * spec.width()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the training images are %dx%dx%d, the"
                    + " network takes %dx%dx%d", stage, training.channels(), training.rows(), training.cols(),
                    spec.channels(), spec.height(), spec.width()));
        }
        if (recipe.distillation().active() && training.size() < recipe.distillation().batchSize()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: a batch of %d needs at least as many"
                    + " training images; there are %d", stage, recipe.distillation().batchSize(), training.size()));
        }
        if (training.size() == 0) {
            throw new IllegalArgumentException(stage + ": the training set holds no images");
        }
    }
}
