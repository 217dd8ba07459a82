package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.Quantization;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.QuantizationSettings.Mode;

class WeightQuantizerTest {
    private final WeightQuantizer quantizer = new WeightQuantizer();
    private final WeightCodec codec = new WeightCodec();

    private static WeightSet cnn() throws Exception {
        return new ExampleWeights().load(Architecture.CNN);
    }

    @Test
    void everyEightBitSymmetricPerChannelWeightIsWithinHalfAStep() throws Exception {
        WeightSet original = cnn();
        WeightSet q = quantizer.quantize(original, new QuantizationSettings(Mode.WEIGHT, 8, true, true));

        int checked = 0;
        for (int t = 0; t < original.tensors().size(); t++) {
            Tensor before = original.tensors().get(t);
            Tensor after = q.tensors().get(t);
            if (!before.prunable()) {
                assertArrayEquals(before.values(), after.values(), "biases and norms stay fp32");
                continue;
            }
            Quantization grid = after.quantization();
            assertEquals(before.shape()[0], grid.groups(), "one scale per output channel");
            for (int i = 0; i < before.size(); i++) {
                float halfStep = grid.scales()[after.groupOf(i)] / 2;
                assertTrue(Math.abs(before.values()[i] - after.values()[i]) <= halfStep * 1.0001f,
                        before.name() + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(original.prunableParameters(), checked);
    }

    @Test
    void zerosStayZeroAndEveryValueIsOnItsGrid() throws Exception {
        WeightSet pruned = new MagnitudePruner().prune(cnn(), new PruningSettings(0.7));
        for (boolean symmetric : new boolean[] {true, false}) {
            for (int bits : new int[] {8, 4, 2}) {
                WeightSet q = quantizer.quantize(pruned, new QuantizationSettings(Mode.WEIGHT, bits, !symmetric, symmetric));

                assertTrue(q.nonZeros() <= pruned.nonZeros(), bits + " bits");
                for (Tensor t : q.tensors()) {
                    if (t.quantization() != null) {
                        for (int i = 0; i < t.size(); i++) {
                            int code = t.quantization().code(t.values()[i], t.groupOf(i));
                            assertTrue(code >= 0 && code <= t.quantization().maxCode());
                            assertEquals(t.values()[i], t.quantization().value(code, t.groupOf(i)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void packedCodesRoundTripExactlyAndShrinkTheFile() throws Exception {
        WeightSet original = cnn();
        long fp32 = codec.encode(original).length;
        long previous = fp32;
        for (int bits : new int[] {8, 4, 2}) {
            WeightSet q = quantizer.quantize(original, new QuantizationSettings(Mode.WEIGHT, bits, true, false));
            byte[] bytes = codec.encode(q);
            WeightSet back = codec.read(new ByteArrayInputStream(bytes), "q");

            for (int t = 0; t < q.tensors().size(); t++) {
                assertArrayEquals(q.tensors().get(t).values(), back.tensors().get(t).values());
            }
            double expected = 4.0 * original.parameters() * bits / 32;
            assertTrue(bytes.length < expected * 1.1 + 4096, bits + " bits: " + bytes.length + " vs " + expected);
            assertTrue(bytes.length < previous);
            previous = bytes.length;
        }
    }
}
