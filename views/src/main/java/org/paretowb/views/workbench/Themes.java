package org.paretowb.views.workbench;

import javafx.scene.Scene;
import org.paretowb.charts.ParetoChart;

/** Light and dark: a stylesheet on top of the window's own, and the charts' colours to match. */
final class Themes {
    private static final String DARK = Themes.class.getResource("dark.css").toExternalForm();

    private Themes() {
    }

    static void apply(Scene scene, boolean dark, ParetoChart... charts) {
        if (dark && !scene.getRoot().getStylesheets().contains(DARK)) {
            scene.getRoot().getStylesheets().add(DARK);
        } else if (!dark) {
            scene.getRoot().getStylesheets().remove(DARK);
        }
        for (ParetoChart chart : charts) {
            chart.theme(dark);
        }
    }
}
