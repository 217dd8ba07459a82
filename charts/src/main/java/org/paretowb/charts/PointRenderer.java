package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Technique;

/**
 * Draws a {@link ParetoChart}'s markers: the family's shape and colour, filled or hollow, the latest ring and the
 * selected square, a "×n" beside a marker that stands for n points, and grey (the family's shape kept) for a
 * marker whose point was measured in another session: its latency is not comparable with this session's.
 */
final class PointRenderer extends XYLineAndShapeRenderer {
    private final transient BiFunction<Integer, Integer, PointGroup> groups;
    private transient Predicate<EvaluatedPoint> otherSession = p -> false;
    private transient Function<EvaluatedPoint, List<String>> notes = p -> List.of();
    private boolean dark;

    PointRenderer(BiFunction<Integer, Integer, PointGroup> groups) {
        super(false, true);
        this.groups = groups;
        setSeriesShape(ParetoChart.SELECTED, Markers.selectedSquare());
        setSeriesShapesFilled(ParetoChart.SELECTED, false);
        setSeriesStroke(ParetoChart.SELECTED, new BasicStroke(2f));
        setSeriesShape(ParetoChart.LATEST, Markers.latestRing());
        setSeriesShapesFilled(ParetoChart.LATEST, false);
        setSeriesStroke(ParetoChart.LATEST, new BasicStroke(2.5f));
        for (Technique family : Markers.FAMILIES) {
            for (boolean subset : new boolean[] {false, true}) {
                int series = ParetoChart.seriesOf(family, subset);
                setSeriesShape(series, Markers.shape(family));
                setSeriesShapesFilled(series, !subset);
                setSeriesStroke(series, new BasicStroke(1.7f));
            }
        }
        setUseOutlinePaint(false);
        setDefaultToolTipGenerator((dataset, series, item) -> PointTooltip.of(groups.apply(series, item), notes));
        setDefaultItemLabelGenerator((dataset, series, item) -> series < ParetoChart.FIRST_FAMILY
                || groups.apply(series, item).size() < 2 ? null : "\u00d7" + groups.apply(series, item).size());
        setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        // to the left of the marker: the baseline, most often drawn with others, sits at the right border of a size chart
        setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        setDefaultItemLabelsVisible(true);
    }

    /** Which points were measured in another session (drawn grey). */
    void otherSession(Predicate<EvaluatedPoint> otherSession) {
        this.otherSession = otherSession;
    }

    /** The chart's own lines on a point, added to its tooltip. */
    void notes(Function<EvaluatedPoint, List<String>> notes) {
        this.notes = notes;
    }

    void dark(boolean dark) {
        this.dark = dark;
    }

    /** Whether the marker at {@code item} of {@code series} is drawn as another session's. */
    boolean ofOtherSession(int series, int item) {
        return series >= ParetoChart.FIRST_FAMILY && otherSession.test(groups.apply(series, item).first());
    }

    @Override
    public Paint getItemPaint(int series, int item) {
        return ofOtherSession(series, item) ? Markers.otherSessionColour(dark) : super.getItemPaint(series, item);
    }
}
