package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

/**
 * The techniques that apply to a model known only by its parameter tensors, such as a TorchScript file whose
 * architecture the workbench cannot rewrite: unstructured magnitude pruning, then weight-only quantization
 * (values put on the integer grid and back to fp32), both by the same engines as the workbench's own networks.
 * Works on copies; a recipe asking for anything else is refused with a message.
 */
public final class ParameterCompressor {
    private final MagnitudePruner pruner = new MagnitudePruner();
    private final WeightQuantizer quantizer = new WeightQuantizer();

    /** The recipe's pruning and then its weight quantization, applied to copies of {@code tensors}. */
    public List<Tensor> apply(List<Tensor> tensors, Recipe recipe) {
        requireSupported(recipe);
        return quantizer.quantize(pruner.prune(tensors, recipe.pruning()), recipe.quantization());
    }

    /** Refuses a recipe with a stage that needs the network's architecture or a training set. */
    public static void requireSupported(Recipe recipe) {
        List<String> refused = new ArrayList<>();
        if (recipe.distillation().active()) {
            refused.add("distillation (it trains a new network: distil from the model instead)");
        }
        if (recipe.removal().active()) {
            refused.add("layer removal");
        }
        if (recipe.structured().active()) {
            refused.add("structured pruning");
        }
        if (recipe.lowRank().active()) {
            refused.add("low-rank factorization");
        }
        if (recipe.fineTune().active()) {
            refused.add("fine-tuning");
        }
        QuantizationSettings.Mode mode = recipe.quantization().mode();
        if (mode != QuantizationSettings.Mode.OFF && mode != QuantizationSettings.Mode.WEIGHT) {
            refused.add(mode.name().toLowerCase(java.util.Locale.ROOT) + " quantization");
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("a model known only by its parameters takes unstructured pruning and"
                    + " weight quantization, not " + String.join(", ", refused) + "; rewriting the network needs the"
                    + " ONNX route (torch.onnx.export, then --model FILE.onnx)");
        }
    }
}
