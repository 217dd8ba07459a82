package org.paretowb.charts;

import java.awt.Color;
import java.awt.Shape;

/**
 * One entry of a chart's legend: a marker (filled or hollow) or a line, its colour and its name. The window draws
 * them itself, one legend for its charts, in a row that wraps between entries, never inside one.
 */
public record LegendEntry(String name, Shape shape, Color colour, boolean filled, boolean line, String tooltip) {
}
