package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.paretowb.models.recipe.Technique;

/** The legend of a {@link ParetoChart}: only what it draws. */
final class ParetoLegend {
    private ParetoLegend() {
    }

    /**
     * The families drawn, filled and hollow where both are, another session's grey where one is drawn, the latest,
     * the selected, the frontier.
     *
     * @param shown the groups drawn by each series of the chart
     */
    static List<LegendEntry> of(List<List<PointGroup>> shown, boolean otherSession, boolean frontier, boolean dark) {
        List<LegendEntry> entries = new ArrayList<>();
        boolean anyFull = false;
        boolean anySubset = false;
        for (Technique family : Markers.FAMILIES) {
            boolean full = !shown.get(ParetoChart.seriesOf(family, false)).isEmpty();
            boolean subset = !shown.get(ParetoChart.seriesOf(family, true)).isEmpty();
            anyFull |= full;
            anySubset |= subset;
            if (full || subset) {
                entries.add(new LegendEntry(family.title(), Markers.shape(family), Markers.colour(family, dark), full,
                        false, family.title() + " points"));
            }
        }
        Color grey = ChartTheme.series(7, dark);
        if (anyFull && anySubset) {
            entries.add(new LegendEntry("full set", Markers.shape(Technique.PRUNING), grey, true, false,
                    "Filled: measured on the whole evaluation set"));
            entries.add(new LegendEntry("live subset", Markers.shape(Technique.PRUNING), grey, false, false,
                    "Hollow: measured on the live subset of the evaluation set"));
        }
        if (otherSession) {
            entries.add(new LegendEntry("another session", Markers.shape(Technique.PRUNING),
                    Markers.otherSessionColour(dark), true, false, "Light grey: measured in another session (before"
                    + " this window opened, or on another machine); its latency is not compared with this"
                    + " session's baseline"));
        }
        if (!shown.get(ParetoChart.LATEST).isEmpty()) {
            entries.add(new LegendEntry("latest", Markers.latestRing(), Markers.latestColour(dark), false, false,
                    "The point measured last"));
        }
        if (!shown.get(ParetoChart.SELECTED).isEmpty()) {
            entries.add(new LegendEntry("selected", Markers.selectedSquare(), Markers.selectedColour(dark), false,
                    false, "The point selected in the table or on a chart"));
        }
        if (frontier) {
            entries.add(new LegendEntry("Pareto frontier", new Line2D.Double(-7, 0, 7, 0),
                    Markers.selectedColour(dark), false, true, "No other point is both at least as accurate and cheaper"));
        }
        return entries;
    }

    /** The entries as JFreeChart's legend items (for a chart that draws its own legend). */
    static LegendItemCollection items(List<LegendEntry> entries) {
        LegendItemCollection items = new LegendItemCollection();
        for (LegendEntry e : entries) {
            LegendItem item = e.line()
                    ? new LegendItem(e.name(), null, e.tooltip(), null, false, new Rectangle2D.Double(), false, e.colour(),
                    false, e.colour(), new BasicStroke(1.5f), true, e.shape(), new BasicStroke(1.5f), e.colour())
                    : new LegendItem(e.name(), null, e.tooltip(), null, true, e.shape(), e.filled(), e.colour(),
                    !e.filled(), e.colour(), new BasicStroke(1.5f), false, new Line2D.Double(), new BasicStroke(1f),
                    e.colour());
            items.add(item);
        }
        return items;
    }
}
