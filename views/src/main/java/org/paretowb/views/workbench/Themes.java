package org.paretowb.views.workbench;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.jfree.chart.fx.ChartViewer;
import org.paretowb.charts.ChartTheme;
import org.paretowb.charts.ParetoChart;

/**
 * Light and dark: a stylesheet on top of the window's own, and every chart of the window to match, in every tab
 * (What it forgot, Sensitivity, the training curves), not only the Pareto charts.
 */
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
        themeCharts(scene.getRoot(), dark);
        for (ParetoChart chart : charts) {
            chart.theme(dark); // the markers' colours too
        }
    }

    /** Every chart under {@code node}, tabs not shown included: background, axes, grid and legend. */
    private static void themeCharts(Node node, boolean dark) {
        if (node instanceof ChartViewer viewer && viewer.getChart() != null) {
            ChartTheme.apply(viewer.getChart(), dark);
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                if (tab.getContent() != null) {
                    themeCharts(tab.getContent(), dark);
                }
            }
        } else if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                themeCharts(child, dark);
            }
        }
    }
}
