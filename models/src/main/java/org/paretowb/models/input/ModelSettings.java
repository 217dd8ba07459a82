package org.paretowb.models.input;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.NetworkSpec;

/**
 * What a loaded model expects of its data and how its outputs are named: the input shape (channels, height,
 * width), the normalisation of its pixels, and a name per class. Read from the file where it says so, given by
 * the user where it does not, and remembered with the workspace.
 */
public record ModelSettings(int channels, int height, int width, Normalisation normalisation,
                            List<String> classNames) {

    public ModelSettings {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("an input shape needs three positive sizes, got " + channels + ","
                    + height + "," + width);
        }
        if (!normalisation.fits(channels)) {
            throw new IllegalArgumentException("the normalisation (" + normalisation.describe() + ") needs one mean"
                    + " and one std per channel (" + channels + "), or one for all");
        }
        classNames = List.copyOf(classNames);
        for (String name : classNames) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a class name cannot be empty");
            }
        }
    }

    /** The shape a network states, no normalisation, and classes called "class 0" ... */
    public static ModelSettings of(NetworkSpec spec) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < spec.outputs(); c++) {
            names.add("class " + c);
        }
        return new ModelSettings(spec.channels(), spec.height(), spec.width(), Normalisation.NONE, names);
    }

    public ModelSettings withShape(int c, int h, int w) {
        return new ModelSettings(c, h, w, normalisation, classNames);
    }

    public ModelSettings withNormalisation(Normalisation n) {
        return new ModelSettings(channels, height, width, n, classNames);
    }

    public ModelSettings withClassNames(List<String> names) {
        return new ModelSettings(channels, height, width, normalisation, names);
    }

    /** "1x28x28" */
    public String shape() {
        return channels + "x" + height + "x" + width;
    }

    /** A message when these settings do not fit {@code spec} (shape or class count), else null. */
    public String misfit(NetworkSpec spec) {
        if (spec.channels() != channels || spec.height() != height || spec.width() != width) {
            return "input shape " + shape() + " does not fit the model: it takes " + spec.channels() + "x"
                    + spec.height() + "x" + spec.width();
        }
        if (classNames.size() != spec.outputs()) {
            return classNames.size() + " class names given, but the model has " + spec.outputs() + " classes";
        }
        return null;
    }

    /** Whether the class names are the placeholders "class 0", "class 1", ... a file without names gets. */
    public boolean hasDefaultClassNames() {
        for (int c = 0; c < classNames.size(); c++) {
            if (!classNames.get(c).equals("class " + c)) {
                return false;
            }
        }
        return true;
    }

    public String className(int index) {
        return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
    }
}
