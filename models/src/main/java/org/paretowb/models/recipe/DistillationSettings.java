package org.paretowb.models.recipe;

import java.util.Locale;

/**
 * Knowledge distillation: a student network trained on the teacher's soft targets at temperature T,
 * with loss = alpha * T^2 * KL(teacher_T || student_T) + (1 - alpha) * cross-entropy(labels).
 *
 * @param student the student, as "mlp:64" (hidden widths) or "cnn:8,16" (conv stage widths, dense 64)
 */
public record DistillationSettings(String student, double temperature, double alpha, int epochs, double learningRate,
                                   Optimizer optimizer, double weightDecay, int batchSize, long seed) {

    public enum Optimizer { ADAM, SGD }

    /** No distillation: the loaded model itself goes on to the next stage. */
    public static final DistillationSettings NONE =
            new DistillationSettings("none", 1, 0, 1, 1e-3, Optimizer.ADAM, 0, 128, 0);

    public boolean active() {
        return !student.equals("none");
    }

    public DistillationSettings {
        if (student == null || !(student.equals("none") || student.matches("(mlp|cnn):\\d+(,\\d+)*"))) {
            throw new IllegalArgumentException("a student is mlp:WIDTHS or cnn:CHANNELS, for example mlp:64 or "
                    + "cnn:8,16, not '" + student + "'");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0) || !(weightDecay >= 0) || optimizer == null) {
            throw new IllegalArgumentException("distillation needs positive epochs, batch size and learning rate, "
                    + "a weight decay of 0 or more, and an optimizer");
        }
    }

    public String summary() {
        return String.format(Locale.ROOT, "distil into %s (T %.1f, alpha %.2f, %d epochs)", student, temperature,
                alpha, epochs);
    }
}
