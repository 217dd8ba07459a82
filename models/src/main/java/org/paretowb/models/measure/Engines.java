package org.paretowb.models.measure;

/**
 * The engine a measurement ran on, as the window and the tables name it: "ONNX Runtime" (the default
 * measuring engine), "DJL PyTorch" (DJL's PyTorch engine, eager libtorch), or the engine's own name. Figures
 * of different engines are not comparable as costs: the charts show one engine at a time.
 */
public final class Engines {
    public static final String ONNX_RUNTIME = "ONNX Runtime";
    public static final String DJL_PYTORCH = "DJL PyTorch";

    private Engines() {
    }

    /** The engine's title from a measurement's provenance ("PyTorch 2.7.1 (DJL 0.36.0)" is DJL PyTorch). */
    public static String title(Provenance how) {
        String engine = how.engine() == null ? "" : how.engine().strip();
        if (engine.startsWith("ONNX Runtime")) {
            return ONNX_RUNTIME;
        }
        if (engine.startsWith("PyTorch")) {
            return DJL_PYTORCH;
        }
        int end = engine.length();
        for (String stop : new String[] {",", " ("}) {
            int at = engine.indexOf(stop);
            end = at > 0 ? Math.min(end, at) : end;
        }
        return engine.isEmpty() ? "unknown engine" : engine.substring(0, end);
    }
}
