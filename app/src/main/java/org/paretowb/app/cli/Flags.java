package org.paretowb.app.cli;

import java.util.Arrays;
import java.util.function.Supplier;
import org.paretowb.app.ExampleSession;
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
        return switch (name) {
            case "onnxruntime" -> ExampleSession.onnxRuntime();
            case "pytorch" -> new PyTorchMeasuringEngine(pytorch);
            default -> throw new UserError("--engine must be onnxruntime or pytorch, not '" + name + "'");
        };
    }
}
