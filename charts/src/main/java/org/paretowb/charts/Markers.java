package org.paretowb.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.util.ShapeUtils;
import org.paretowb.models.recipe.Technique;

/**
 * A marker per technique family, in shape and in colour (so a reader who cannot tell the colours apart still can):
 * the baseline a star, pruning a circle, structured pruning a square, low-rank a triangle, quantization a diamond,
 * distillation a triangle pointing down, fine-tuning a cross, several techniques together a hexagon. Points
 * measured on the full evaluation set are filled; points of a live subset are hollow; points measured in another
 * session are light grey.
 */
public final class Markers {
    /** The families, in legend order. */
    public static final List<Technique> FAMILIES = List.of(Technique.BASELINE, Technique.PRUNING, Technique.STRUCTURED,
            Technique.LOW_RANK, Technique.QUANTIZATION, Technique.DISTILLATION, Technique.FINE_TUNING,
            Technique.COMBINED);

    private Markers() {
    }

    public static Shape shape(Technique family) {
        return switch (family) {
            case BASELINE -> star(8, 3.6);
            case PRUNING -> new Ellipse2D.Double(-4.5, -4.5, 9, 9);
            case STRUCTURED -> new Rectangle2D.Double(-4, -4, 8, 8);
            case LOW_RANK -> ShapeUtils.createUpTriangle(5.5f);
            case QUANTIZATION -> ShapeUtils.createDiamond(5.5f);
            case DISTILLATION -> ShapeUtils.createDownTriangle(5.5f);
            case FINE_TUNING -> ShapeUtils.createRegularCross(5f, 1.8f);
            case COMBINED -> polygon(6, 5.2, 0);
        };
    }

    /** The family's colour; the baseline is black (white on dark). */
    public static Color colour(Technique family, boolean dark) {
        return family == Technique.BASELINE ? ChartTheme.ink(dark) : ChartTheme.series(FAMILIES.indexOf(family) - 1, dark);
    }

    /** A point measured in another session: the family's shape in this grey instead of its colour. */
    public static Color otherSessionColour(boolean dark) {
        return dark ? new Color(105, 110, 120) : new Color(185, 185, 190);
    }

    /** The ring around the latest point. */
    public static Shape latestRing() {
        return new Ellipse2D.Double(-8, -8, 16, 16);
    }

    public static Color latestColour(boolean dark) {
        return dark ? new Color(251, 160, 60) : new Color(255, 127, 14);
    }

    /** The square around the selected point. */
    public static Shape selectedSquare() {
        return new Rectangle2D.Double(-9, -9, 18, 18);
    }

    public static Color selectedColour(boolean dark) {
        return dark ? new Color(248, 113, 113) : new Color(214, 39, 40);
    }

    private static Shape star(double outer, double inner) {
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = Math.PI * i / 5 - Math.PI / 2;
            if (i == 0) {
                star.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                star.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        star.closePath();
        return star;
    }

    private static Shape polygon(int sides, double radius, double turn) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < sides; i++) {
            double a = 2 * Math.PI * i / sides + turn;
            if (i == 0) {
                p.moveTo(radius * Math.cos(a), radius * Math.sin(a));
            } else {
                p.lineTo(radius * Math.cos(a), radius * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }
}
