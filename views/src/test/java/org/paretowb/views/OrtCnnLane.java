package org.paretowb.views;

import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PyTorchMeasuringEngine;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;

/**
 * A compute lane measuring the example CNN on ONNX Runtime, as the window does, on the first 300 test
 * images with short probes; static int8 calibrates on the embedded training images.
 */
public final class OrtCnnLane {
    public static final int IMAGES = 300;

    private OrtCnnLane() {
    }

    /** Where the points of these inputs are saved. */
    public static final PointContext CONTEXT = new PointContext("Example CNN", "cnn-hash", "first 300", "data-hash");

    /** DJL's PyTorch engine starts on the lane before ONNX Runtime, as in the window; it is the second engine too. */
    public static MeasuringSession start() {
        return start(CONTEXT);
    }

    public static MeasuringSession start(PointContext context) {
        return new MeasuringSession(context, () -> {
            try {
                PyTorchRuntime runtime = new PyTorchRuntime();
                runtime.prepareInferenceThread();
                FashionMnist data = new FashionMnist();
                LabeledImages test = data.testSet().first(IMAGES);
                return new PointMeasurer(new OrtMeasuringEngine(new OrtRuntime(), test),
                        new ExampleWeights().load(Architecture.CNN), test, true,
                        new RecipeApplier(new NetworkTrainer(runtime), data.embeddedTrainingSubset().first(2000),
                                (e, n, l, a, ms) -> { }),
                        new Evaluator(250), new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> new PyTorchMeasuringEngine(new PyTorchRuntime(), 2));
    }
}
