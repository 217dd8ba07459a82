package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

/** Jobs are refused before they start when their settings cannot work on the network or the data. */
class RecipeCheckTest {
    /** The example CNN's architecture (weights do not matter to the checks). */
    private static final WeightSet CNN = zeros(NetworkSpec.parse(
            "1x28x28 conv16k3p1 bn relu maxpool2 conv32k3p1 bn relu maxpool2 flatten dense128 relu dense10"));

    private static WeightSet zeros(NetworkSpec spec) {
        return new WeightSet(spec, spec.parameterShapes().stream()
                .map(s -> new Tensor("t", s, new float[(int) Arrays.stream(s).reduce(1, (a, b) -> a * b)])).toList());
    }

    private static Recipe distilWithInt8(String student, String layers) {
        return Recipe.builder()
                .distillation(new DistillationSettings(student, 4, 0.7, 1, 1e-3, DistillationSettings.Optimizer.ADAM,
                        0, 128, 1))
                .quantization(staticInt8(layers)).build();
    }

    private static QuantizationSettings staticInt8(String layers) {
        return new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 256,
                QuantizationSettings.Observer.MIN_MAX, Int8Layers.parse(layers));
    }

    private static LabeledImages images(int count, int rows, int cols) {
        return new LabeledImages("hand-made", new byte[count * rows * cols], new byte[count], rows, cols);
    }

    @Test
    void distillingIntoAnMlpWithTheCnnsConv2ChosenIsRefusedBeforeTraining() {
        // an applier with training images but no trainer: were the check not first, training would start
        // (here: fail for want of a trainer) instead of the int8 layers being refused
        RecipeApplier applier = new RecipeApplier(null, TrainingData.of(images(256, 28, 28)),
                (epoch, epochs, loss, accuracy, millis) -> { });
        Recipe recipe = distilWithInt8("mlp:64", "conv2");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> applier.apply(CNN, recipe, org.paretowb.services.lane.CancelToken.NEVER));

        assertEquals("int8 layer conv2 is not in the student mlp:64, whose layers are fc1, fc2: choose among those,"
                + " or 'all' or 'where it pays'", e.getMessage());
    }

    @Test
    void theStudentsOwnLayersAndTheTeachersWithoutDistillationPass() {
        assertDoesNotThrow(() -> RecipeCheck.check(CNN, distilWithInt8("mlp:64", "fc2")));
        assertDoesNotThrow(() -> RecipeCheck.check(CNN, Recipe.builder().quantization(
                staticInt8("conv2,fc1")).build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecipeCheck.check(CNN,
                Recipe.builder().quantization(staticInt8("conv3,fc9")).build()));
        assertEquals("int8 layers conv3, fc9 are not in this network, whose layers are conv1, conv2, fc1, fc2: choose"
                + " among those, or 'all' or 'where it pays'", e.getMessage());
    }

    @Test
    void trainingImagesOfAnotherShapeOrFewerThanABatchAreRefused() {
        Recipe recipe = distilWithInt8("mlp:64", "fc1");

        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> RecipeCheck.checkTraining(CNN, recipe, images(256, 32, 32), "distillation"));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> RecipeCheck.checkTraining(CNN, recipe, images(100, 28, 28), "distillation"));

        assertEquals("distillation: the training images are 1x32x32, the network takes 1x28x28", shape.getMessage());
        assertEquals("distillation: a batch of 128 needs at least as many training images; there are 100",
                few.getMessage());
        assertDoesNotThrow(() -> RecipeCheck.checkTraining(CNN, recipe, images(128, 28, 28), "distillation"));
    }
}
