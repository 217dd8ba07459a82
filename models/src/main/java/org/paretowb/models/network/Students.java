package org.paretowb.models.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Student networks for distillation, written as "mlp:64", "mlp:256,128" or "cnn:8,16". An MLP student of a
 * teacher that standardises its input features (a table model: flatten, then BatchNorm) standardises them too,
 * with a BatchNorm of its own: trained on raw features of very different scales, it would learn little.
 */
public final class Students {
    private Students() {
    }

    public static NetworkSpec parse(String student, NetworkSpec teacher, int classes) {
        String[] parts = student.trim().split(":", 2);
        if (parts.length != 2 || !(parts[0].equals("mlp") || parts[0].equals("cnn"))) {
            throw new IllegalArgumentException("a student is mlp:WIDTHS or cnn:CHANNELS, for example mlp:64, not '"
                    + student + "'");
        }
        List<Integer> widths = new ArrayList<>();
        for (String w : parts[1].split(",")) {
            try {
                widths.add(Integer.parseInt(w.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("student width '" + w.trim() + "' is not a whole number");
            }
        }
        StringBuilder layers = new StringBuilder(teacher.channels() + "x" + teacher.height() + "x" + teacher.width());
        if (parts[0].equals("cnn")) {
            widths.forEach(c -> layers.append(" conv").append(c).append("k3p1 bn relu maxpool2"));
            layers.append(" flatten dense64 relu");
        } else {
            layers.append(startsWithStandardisation(teacher) ? " flatten bn" : " flatten");
            widths.forEach(w -> layers.append(" dense").append(w).append(" relu"));
        }
        layers.append(" dense").append(classes);
        return NetworkSpec.parse(layers.toString());
    }

    private static boolean startsWithStandardisation(NetworkSpec teacher) {
        List<Layer> layers = teacher.layers();
        return layers.size() >= 2 && layers.get(0) instanceof Flatten && layers.get(1) instanceof Norm;
    }
}
