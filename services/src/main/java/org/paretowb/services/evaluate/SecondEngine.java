package org.paretowb.services.evaluate;

import java.util.function.Supplier;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * Measures recipes again on a second engine beside the lane's own (DJL's PyTorch beside ONNX Runtime), on the
 * same model, images and probes. The engine is made and warmed up the first time it is asked for, as the
 * lane's own engine is at start-up: the first passes of an engine overstate batch-1 latency by 1.3 to 2
 * times. The warm-up's discarded measurement uses the first {@value #WARM_UP_IMAGES} images, not the whole
 * evaluation set: it is there for the engine's first calls (kernel caches, the JIT), and DJL's PyTorch needs
 * seconds per 10,000 images. Use it on the compute lane only (through {@link MeasuringLane#run}).
 */
public final class SecondEngine {
    static final int WARM_UP_IMAGES = 1000;

    private final Supplier<MeasuringEngine> factory;
    private volatile PointMeasurer measurer; // written on the lane thread only; read by ready() anywhere
    private PointMeasurer builtFor; // the main measurer (model, images) the second one was made from

    /** @param factory makes the engine, on the lane, the first time a recipe is measured on it */
    public SecondEngine(Supplier<MeasuringEngine> factory) {
        this.factory = factory;
    }

    /** Whether the engine has been made and warmed up (the next measurement costs only itself). */
    public boolean ready() {
        return measurer != null;
    }

    /**
     * Measures {@code recipe} on the second engine, on the first {@code samples} images of {@code main}'s
     * evaluation set (0: all of them); cancelling stops it at its next batch (a cancelled warm-up is done
     * again next time).
     */
    public Measurement measure(PointMeasurer main, Recipe recipe, int samples, CancelToken cancel) {
        if (measurer == null || builtFor != main) { // other inputs: another model or other images
            measurer = null;
            PointMeasurer second = main.on(factory.get());
            second.warmUp(WARM_UP_IMAGES, cancel);
            measurer = second;
            builtFor = main;
        }
        return measurer.measure(recipe, samples, cancel);
    }
}
