package org.paretowb.views.inputs;

import java.io.File;
import java.util.List;
import java.util.Locale;

/** What a file dropped onto the window is: a model to open, data to measure on, or neither. */
public enum FileDrop {
    MODEL, DATA, NONE;

    /** One model file (.onnx, .pwb, .djl), or one data folder or data file (.csv); anything else is NONE. */
    public static FileDrop of(List<File> files) {
        if (files == null || files.size() != 1) {
            return NONE;
        }
        File file = files.get(0);
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (file.isFile() && (name.endsWith(".onnx") || name.endsWith(".pwb") || name.endsWith(".djl"))) {
            return MODEL;
        }
        if (file.isDirectory() || file.isFile() && name.endsWith(".csv")) {
            return DATA;
        }
        return NONE;
    }
}
