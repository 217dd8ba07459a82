package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.evaluate.MeasuringEngine;
import org.paretowb.services.evaluate.PyTorchMeasuringEngine;
import org.paretowb.services.runtime.PyTorchRuntime;

/** Small helpers shared by the commands. */
final class Flags {
    private Flags() {
    }

    /** Builds a settings record from flag values; its validation message becomes a one-line user error. */
    static <T> T settings(String flags, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(flags + ": " + e.getMessage());
        }
    }

    /** The median of timing samples (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The measuring engine named on the command line: onnxruntime or pytorch. */
    static MeasuringEngine engine(String name, PyTorchRuntime pytorch) {
        return engine(name, pytorch, ExampleSession.testSet());
    }

    /** As {@link #engine(String, PyTorchRuntime)}; ONNX Runtime's int8 planner profiles on {@code data}. */
    static MeasuringEngine engine(String name, PyTorchRuntime pytorch, LabeledImages data) {
        return switch (name) {
            case "onnxruntime" -> ExampleSession.onnxRuntime(data);
            case "pytorch" -> new PyTorchMeasuringEngine(pytorch);
            default -> throw new UserError("--engine must be onnxruntime or pytorch, not '" + name + "'");
        };
    }

    /**
     * The value a flag names, from its choices in the order the error message lists them: an unknown name
     * becomes the one-line error "--flag must be a, b or c, not 'x'".
     */
    @SafeVarargs
    static <T> T choice(String flag, String given, Map.Entry<String, T>... choices) {
        for (Map.Entry<String, T> c : choices) {
            if (c.getKey().equals(given)) {
                return c.getValue();
            }
        }
        List<String> names = Arrays.stream(choices).map(Map.Entry::getKey).toList();
        String listed = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new UserError(flag + " must be " + listed + ", not '" + given + "'");
    }
}
