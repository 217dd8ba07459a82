package org.paretowb.models.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {
    @Test
    void theExampleCnnDescribesItselfAndParsesBack() {
        NetworkSpec cnn = Architecture.CNN.spec();

        assertEquals("1x28x28 conv16k3p1 bn relu maxpool2 conv32k3p1 bn relu maxpool2 flatten dense128 relu dense10",
                cnn.describe());
        assertEquals(cnn, NetworkSpec.parse(cnn.describe()));
        assertEquals(10, cnn.outputs());
    }

    @Test
    void activationsOtherThanReluDescribeThemselvesAndParseBackWithoutParametersOrMacs() {
        NetworkSpec spec = NetworkSpec.parse("1x8x8 conv4k3p1 leakyrelu0.2 maxpool2 tanh flatten dense6 sigmoid dense3");

        assertEquals("1x8x8 conv4k3p1 leakyrelu0.2 maxpool2 tanh flatten dense6 sigmoid dense3", spec.describe());
        assertEquals(Layer.Activation.leakyRelu(0.2f), spec.layers().get(1));
        assertEquals(Layer.Activation.tanh(), spec.layers().get(3));
        assertEquals(Layer.Activation.sigmoid(), spec.layers().get(6));
        assertEquals(spec, NetworkSpec.parse(spec.describe()));
        assertEquals(NetworkSpec.parse("1x8x8 conv4k3p1 relu maxpool2 flatten dense6 dense3").macs(), spec.macs());
        assertEquals(6, spec.parameterShapes().size(), "weight and bias of the convolution and the two dense layers");
    }

    @Test
    void parameterShapesFollowTheLayers() {
        List<long[]> shapes = Architecture.CNN.spec().parameterShapes();

        assertEquals(16, shapes.size(), "conv 2 + bn 4, twice, and dense 2, twice");
        assertArrayEquals(new long[] {16, 1, 3, 3}, shapes.get(0));
        assertArrayEquals(new long[] {32, 16, 3, 3}, shapes.get(6));
        assertArrayEquals(new long[] {128, 1568}, shapes.get(12), "32 channels x 7 x 7 after two pools");
        assertArrayEquals(new long[] {10}, shapes.get(15));
    }

    @Test
    void macsAreCountedFromTheShapes() {
        long conv1 = 16L * 1 * 9 * 28 * 28;
        long bn1 = 16L * 28 * 28;
        long conv2 = 32L * 16 * 9 * 14 * 14;
        long bn2 = 32L * 14 * 14;
        long dense = 128L * 1568 + 10 * 128;

        assertEquals(conv1 + bn1 + conv2 + bn2 + dense, Architecture.CNN.spec().macs());
        assertEquals(784L * 256 + 256 * 128 + 128 * 10, Architecture.MLP.spec().macs());
    }

    @Test
    void unknownLayersAndImpossibleShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSpec.parse("1x28x28 conv8k3p1 swish"));
        assertEquals("unknown layer 'swish' in network description", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("1x2x2 maxpool4"));
    }

    @Test
    void weightsThatDoNotFitTheSpecAreRefused() {
        NetworkSpec spec = NetworkSpec.parse("1x1x4 flatten dense2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WeightSet(spec,
                List.of(new Tensor("w", new long[] {2, 5}, new float[10]), new Tensor("b", new long[] {2}, new float[2]))));
        assertEquals("tensor w[2, 5] should have shape [2, 4] in 1x1x4 flatten dense2", e.getMessage());
    }
}
