package org.paretowb.services.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * alpha * T^2 * KL(teacher_T || student_T) + (1 - alpha) * cross-entropy, averaged over the batch
 * (Hinton et al.). Labels come as (class indices, teacher logits).
 */
final class DistillationLoss extends Loss {
    private final float temperature;
    private final float alpha;

    DistillationLoss(double temperature, double alpha) {
        super("DistillationLoss");
        this.temperature = (float) temperature;
        this.alpha = (float) alpha;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray student = predictions.singletonOrThrow();
        NDArray classes = labels.get(0);
        NDArray teacher = labels.get(1);
        int count = (int) student.getShape().get(1);
        NDArray crossEntropy = student.logSoftmax(1).mul(classes.oneHot(count)).sum(new int[] {1}).neg().mean();
        NDArray teacherSoft = teacher.div(temperature).softmax(1);
        NDArray kl = teacherSoft.mul(teacherSoft.add(1e-12f).log().sub(student.div(temperature).logSoftmax(1)))
                .sum(new int[] {1}).mean();
        return kl.mul(alpha * temperature * temperature).add(crossEntropy.mul(1 - alpha));
    }
}
