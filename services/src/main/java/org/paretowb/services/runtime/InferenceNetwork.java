package org.paretowb.services.runtime;

/**
 * A network loaded into an inference engine: DJL's PyTorch ({@link LoadedNetwork}) or ONNX Runtime
 * ({@link OnnxNetwork}). Evaluation, latency and throughput probes run on either.
 */
public interface InferenceNetwork extends AutoCloseable {

    /** Logits of {@code count} images given as scaled pixels, copied back to Java memory. */
    float[] logits(float[] pixels, int count);

    /**
     * As {@link #logits(float[], int)}, from the buffer's remaining values (a slice of inputs converted once and
     * kept, see the evaluation's {@code ScaledInputs}). An engine that can read the buffer in place does; the
     * default copies it.
     */
    default float[] logits(java.nio.FloatBuffer pixels, int count) {
        float[] copy = new float[pixels.remaining()];
        pixels.duplicate().get(copy);
        return logits(copy, count);
    }

    /** A batch copied into the engine once, to be run many times by the timing probes. */
    PreparedBatch prepare(float[] pixels, int count);

    /** The engine, as recorded with every measurement. */
    String engine();

    @Override
    void close();

    /** One input held by the engine; {@link #run()} computes the logits and copies them back. */
    interface PreparedBatch extends AutoCloseable {
        void run();

        @Override
        void close();
    }
}
