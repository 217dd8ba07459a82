package org.paretowb.views.workbench;

/** A figure sorted by its value and shown with its interval. */
record Figure(double value, String text) implements Comparable<Figure> {
    @Override
    public int compareTo(Figure other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
