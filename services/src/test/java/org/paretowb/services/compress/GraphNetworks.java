package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

/**
 * Small graphs with each kind of channel tie torchvision's networks have, on Fashion-MNIST's 1x28x28 input, with
 * random weights: a residual join (ResNet), a depthwise convolution and a concatenation (MobileNet, SqueezeNet), a
 * squeeze-and-excitation multiplication (EfficientNet).
 */
final class GraphNetworks {
    /** conv1 and conv2 are tied through the add; conv3 stands alone. */
    static final String RESIDUAL = "1x28x28 conv8k3p1s2 bn relu conv8k3p1 bn add@bn2+relu1 relu conv16k3p1s2 bn relu"
            + " gap flatten dense10";
    /** The depthwise conv2 keeps conv1's channels; the concatenation ties nothing across its inputs. */
    static final String DEPTHWISE_CONCAT = "1x28x28 conv8k3p1s2 relu conv8k3p1g8 relu conv4k1p0@relu1"
            + " concat@relu2+conv3 relu gap flatten dense10";
    /** The excitation conv3 is tied to conv1 through the multiplication; the squeeze conv2 stands alone. */
    static final String SQUEEZE_EXCITATION = "1x28x28 conv8k3p1s2 relu gap conv2k1p0 relu conv8k1p0 sigmoid"
            + " mul@sigmoid1+relu1 gap flatten dense10";

    private GraphNetworks() {
    }

    static List<String> all() {
        return List.of(RESIDUAL, DEPTHWISE_CONCAT, SQUEEZE_EXCITATION);
    }

    /** The network with random weights: N(0, 0.3) for weight tensors, 0.5 to 1.5 for vectors (batch norms' too). */
    static WeightSet random(String description, long seed) {
        NetworkSpec spec = NetworkSpec.parse(description);
        Random random = new Random(seed);
        List<Tensor> tensors = new ArrayList<>();
        List<long[]> shapes = spec.parameterShapes();
        for (int t = 0; t < shapes.size(); t++) {
            long[] shape = shapes.get(t);
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            float[] values = new float[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = shape.length == 1 ? 0.5f + random.nextFloat() : (float) (random.nextGaussian() * 0.3);
            }
            tensors.add(new Tensor("t" + t, shape, values));
        }
        return new WeightSet(spec, tensors);
    }
}
