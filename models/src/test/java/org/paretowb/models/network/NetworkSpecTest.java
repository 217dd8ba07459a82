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
        assertEquals(Activation.leakyRelu(0.2f), spec.layers().get(1));
        assertEquals(Activation.tanh(), spec.layers().get(3));
        assertEquals(Activation.sigmoid(), spec.layers().get(6));
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

    @Test
    void aResidualBlockDescribesItsJoinsAndParsesBack() {
        String text = "3x8x8 conv4k3p1s2 bn relu conv4k3p1 conv4k1p0s2@input add@conv2+conv3 relu gap flatten dense5";
        NetworkSpec spec = NetworkSpec.parse(text);

        assertEquals(text, spec.describe());
        assertEquals(spec, NetworkSpec.parse(spec.describe()));
        assertEquals(List.of("conv2", "conv3"), spec.node(5).inputs());
        assertArrayEquals(new int[] {4, 4, 4}, spec.outputShapes().get(0), "stride 2 halves 8x8");
        assertArrayEquals(new int[] {4, 1, 1}, spec.outputShapes().get(7));
        assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(5), List.of(5), List.of(6), List.of(7),
                List.of(8), List.of(9), List.of()), spec.consumers());
        assertEquals(false, spec.isChain());
    }

    @Test
    void depthwiseDilatedAndRectangularConvolutionsCountTheirOwnParametersAndMacs() {
        NetworkSpec spec = NetworkSpec.parse("8x10x10 conv8k3p1g8 conv4k3x1p1x0d2x1");
        Conv depthwise = (Conv) spec.layers().get(0);

        assertEquals(true, depthwise.depthwise(8));
        assertArrayEquals(new long[] {8, 1, 3, 3}, spec.parameterShapes().get(0));
        assertArrayEquals(new long[] {4, 8, 3, 1}, spec.parameterShapes().get(2));
        assertArrayEquals(new int[] {4, 8, 10}, spec.outputShape(), "dilation 2 over 3 rows spans 5, padding 1 each side");
        assertEquals(8L * 9 * 100 + 4L * 8 * 3 * 8 * 10, spec.macs());
        assertEquals(spec, NetworkSpec.parse(spec.describe()));
    }

    @Test
    void poolsFollowPyTorchsCeilModeAndOldTokensKeepTheirMeaning() {
        NetworkSpec spec = NetworkSpec.parse("1x15x15 maxpool3s2c avgpool3s1p1i maxpool2");

        assertArrayEquals(new int[] {1, 7, 7}, spec.outputShapes().get(0));
        assertArrayEquals(new int[] {1, 7, 7}, spec.outputShapes().get(1));
        assertArrayEquals(new int[] {1, 3, 3}, spec.outputShapes().get(2), "maxpool2: a 2x2 window of stride 2");
        assertEquals("1x15x15 maxpool3s2c avgpool3s1p1i maxpool2", spec.describe());
        assertArrayEquals(new int[] {1, 3, 3}, NetworkSpec.parse("1x6x6 maxpool3s2c").outputShape(),
                "the last window would start past the input: dropped, as PyTorch does");
    }

    @Test
    void aConcatenationAddsChannelsAndAMultiplicationBroadcastsAChannelScale() {
        NetworkSpec spec = NetworkSpec.parse("2x6x6 conv3k1p0 conv5k3p1@input concat@conv1+conv2 gap conv8k1p0 sigmoid"
                + " mul@sigmoid1+concat1");

        assertArrayEquals(new int[] {8, 6, 6}, spec.outputShapes().get(2));
        assertArrayEquals(new int[] {8, 6, 6}, spec.outputShape());
        assertEquals(spec, NetworkSpec.parse(spec.describe()));
    }

    @Test
    void graphFaultsAreNamed() {
        assertEquals("node add1 (add): an add needs inputs of one channel count, got 2x4x4 and 3x4x4",
                assertThrows(IllegalArgumentException.class,
                        () -> NetworkSpec.parse("1x4x4 conv2k1p0 conv3k1p0@input add@conv1+conv2")).getMessage());
        assertEquals("node conv1 reads 'relu1', which no node before it computes",
                assertThrows(IllegalArgumentException.class,
                        () -> NetworkSpec.parse("1x4x4 conv2k1p0@relu1 relu")).getMessage());
        assertEquals("nothing reads node conv1: it does not lead to the output",
                assertThrows(IllegalArgumentException.class,
                        () -> NetworkSpec.parse("1x4x4 conv2k1p0 conv2k1p0@input")).getMessage());
        assertEquals("two nodes are named 'a'", assertThrows(IllegalArgumentException.class,
                () -> NetworkSpec.parse("1x4x4 a=relu a=relu")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("4x4x4 conv6k1p0g3"),
                "6 filters in 3 groups cannot take 4 channels");
    }
}
