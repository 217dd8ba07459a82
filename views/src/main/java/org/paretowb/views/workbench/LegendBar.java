package org.paretowb.views.workbench;

import java.awt.geom.PathIterator;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import org.paretowb.charts.LegendEntry;

/**
 * One legend for the window's Pareto charts, drawn above them: an entry per marker (its shape, filled or hollow, in
 * its colour) with its name. Entries wrap to a new row between each other, never inside one ("Baseline" and
 * "Latest" never run together), and the charts keep their whole height for the points.
 */
final class LegendBar {
    private static final double SIZE = 18;
    private final FlowPane pane;

    LegendBar(FlowPane pane) {
        this.pane = pane;
        pane.setHgap(14);
        pane.setVgap(2);
        pane.getStyleClass().add("points-legend"); // not "chart-legend": modena styles that for its own charts
    }

    void show(List<LegendEntry> entries) {
        pane.getChildren().setAll(entries.stream().map(LegendBar::entry).toList());
    }

    private static Label entry(LegendEntry e) {
        Label label = new Label(e.name(), marker(e));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps between entries, not inside one
        label.setGraphicTextGap(4);
        label.setTooltip(new Tooltip(e.tooltip()));
        label.getStyleClass().add("legend-entry");
        return label;
    }

    /** The chart's own marker shape, scaled to fit {@value #SIZE} pixels. */
    static Canvas marker(LegendEntry e) {
        Canvas canvas = new Canvas(SIZE, SIZE);
        GraphicsContext g = canvas.getGraphicsContext2D();
        java.awt.Color c = e.colour();
        Color colour = Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
        java.awt.geom.Rectangle2D bounds = e.shape().getBounds2D();
        double scale = Math.min(1.0, (SIZE - 3) / Math.max(1e-9, Math.max(bounds.getWidth(), bounds.getHeight())));
        g.translate(SIZE / 2, SIZE / 2);
        g.scale(scale, scale);
        g.beginPath();
        double[] at = new double[6];
        for (PathIterator it = e.shape().getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(at)) {
                case PathIterator.SEG_MOVETO -> g.moveTo(at[0], at[1]);
                case PathIterator.SEG_LINETO -> g.lineTo(at[0], at[1]);
                case PathIterator.SEG_QUADTO -> g.quadraticCurveTo(at[0], at[1], at[2], at[3]);
                case PathIterator.SEG_CUBICTO -> g.bezierCurveTo(at[0], at[1], at[2], at[3], at[4], at[5]);
                default -> g.closePath();
            }
        }
        g.setLineWidth(e.line() ? 2 / scale : 1.6 / scale);
        if (e.filled() && !e.line()) {
            g.setFill(colour);
            g.fill();
        }
        g.setStroke(colour);
        g.stroke();
        return canvas;
    }
}
