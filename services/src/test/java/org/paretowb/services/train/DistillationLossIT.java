package org.paretowb.services.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;
import org.paretowb.services.runtime.PyTorchRuntime;

class DistillationLossIT {
    private final PyTorchRuntime runtime = new PyTorchRuntime();

    private static final float[] STUDENT = {2f, -1f, 0.5f, 0.1f, 0.3f, -2f};
    private static final float[] TEACHER = {1f, 0f, -1f, -0.5f, 2f, 0.2f};
    private static final float[] LABELS = {0f, 1f};

    @Test
    void withAlphaZeroItIsTheCrossEntropyOfTheLabels() {
        try (NDManager m = runtime.engine().newBaseManager()) {
            NDList labels = new NDList(m.create(LABELS, new Shape(2)), m.create(TEACHER, new Shape(2, 3)));
            NDList student = new NDList(m.create(STUDENT, new Shape(2, 3)));

            float ours = new DistillationLoss(4, 0).evaluate(labels, student).getFloat();
            float djl = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels.get(0)), student).getFloat();

            assertEquals(djl, ours, 1e-5f);
        }
    }

    @Test
    void withAlphaOneItVanishesWhenTheStudentMatchesTheTeacherAndGrowsOtherwise() {
        try (NDManager m = runtime.engine().newBaseManager()) {
            NDList labels = new NDList(m.create(LABELS, new Shape(2)), m.create(TEACHER, new Shape(2, 3)));

            float same = new DistillationLoss(4, 1).evaluate(labels, new NDList(m.create(TEACHER, new Shape(2, 3))))
                    .getFloat();
            float different = new DistillationLoss(4, 1).evaluate(labels, new NDList(m.create(STUDENT, new Shape(2, 3))))
                    .getFloat();

            assertEquals(0f, same, 1e-5f);
            assertTrue(different > 0.01f, "KL of different distributions is positive: " + different);
        }
    }
}
