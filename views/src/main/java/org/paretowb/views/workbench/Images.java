package org.paretowb.views.workbench;

import java.util.Locale;

/** How many images a point was measured on, and whether they are a live subset or the full set. */
record Images(int count, boolean subset) implements Comparable<Images> {
    @Override
    public int compareTo(Images other) {
        return count != other.count ? Integer.compare(count, other.count) : Boolean.compare(other.subset, subset);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d", count) + (subset ? " subset" : " full");
    }
}
