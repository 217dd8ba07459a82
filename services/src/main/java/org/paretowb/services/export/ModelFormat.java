package org.paretowb.services.export;

import java.util.Locale;

/** The files a compressed network can be exported as. */
public enum ModelFormat {
    /** ONNX (opset 13): fp32, static int8 as QuantizeLinear/DequantizeLinear pairs, dynamic int8 as MatMulInteger. */
    ONNX,
    /** A zip with DJL's parameter file, the network description and the packed PWB1 weights ({@link DjlArchive}). */
    DJL,
    /** The workbench's own PWB1 weight file. */
    PWB;

    /** {@code onnx}, {@code djl} or {@code pwb}; anything else names the choices. */
    public static ModelFormat parse(String text) {
        for (ModelFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format must be onnx, djl or pwb, not '" + text + "'");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
