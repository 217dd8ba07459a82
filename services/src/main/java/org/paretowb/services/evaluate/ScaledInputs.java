package org.paretowb.services.evaluate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.paretowb.models.data.LabeledImages;

/**
 * Evaluation inputs converted once from bytes to the normalised floats a network takes, and kept in native memory
 * (a direct buffer, which ONNX Runtime reads in place): every point of a session is evaluated on the same images,
 * and converting 10,000 of them again for each point cost about a quarter of the Java side of a live point. The
 * inputs of a live subset are the first ones, so one conversion of the whole set serves every subset of it.
 */
public final class ScaledInputs {
    /** Images converted per step (a step's floats are a temporary array on the heap). */
    private static final int STEP = 500;

    private final FloatBuffer values;
    private final int size;
    private final int perInput;

    private ScaledInputs(FloatBuffer values, int size, int perInput) {
        this.values = values;
        this.size = size;
        this.perInput = perInput;
    }

    /** Converts all of {@code data} (pixels / 255, normalised; table rows as they are). */
    public static ScaledInputs of(LabeledImages data) {
        int per = data.pixelsPerImage();
        FloatBuffer values = ByteBuffer.allocateDirect(Math.multiplyExact(data.size(), per) * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int from = 0; from < data.size(); from += STEP) {
            values.put(data.scaledPixels(from, Math.min(STEP, data.size() - from)));
        }
        values.flip();
        return new ScaledInputs(values, data.size(), per);
    }

    /** How many inputs are held. */
    public int size() {
        return size;
    }

    /** Inputs {@code [from, from + count)}: a view of the kept values, not a copy. */
    public FloatBuffer slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > size) {
            throw new IndexOutOfBoundsException("inputs " + from + " to " + (from + count) + " of " + size);
        }
        return values.slice(from * perInput, count * perInput);
    }
}
