package org.paretowb.charts.axis;

/** One tick of an axis: where it stands, in data units, and the label drawn there. */
public record Tick(double value, String label) {
}
