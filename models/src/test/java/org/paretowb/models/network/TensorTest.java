package org.paretowb.models.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TensorTest {
    private final Tensor t = new Tensor("t", new long[] {3, 2, 2},
            new float[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23});

    @Test
    void selectOnTheFirstAxisKeepsWholeBlocks() {
        Tensor kept = t.select(0, new int[] {0, 2});

        assertArrayEquals(new long[] {2, 2, 2}, kept.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 20, 21, 22, 23}, kept.values());
    }

    @Test
    void selectOnAMiddleAxisKeepsTheSameSliceOfEveryBlock() {
        Tensor kept = t.select(1, new int[] {1});

        assertArrayEquals(new long[] {3, 1, 2}, kept.shape());
        assertArrayEquals(new float[] {2, 3, 12, 13, 22, 23}, kept.values());
    }
}
