package org.paretowb.models.measure;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether two measurements saw the same evaluation images, so that comparing them image by image (see
 * {@link Forgetting}) means what it says. A live subset is the first images of the evaluation set, so a
 * subset point and a full-set point share the subset's images; points from different data share none.
 *
 * @param compared how many images both saw (0 when they come from different evaluation sets)
 * @param same whether both saw exactly the same images
 * @param note one plain sentence saying which images the comparison covers
 */
public record SharedImages(int compared, boolean same, String note) {
    /** How {@code LabeledImages.first} names a subset: "name (first 1000)". */
    private static final Pattern FIRST = Pattern.compile(" \\(first \\d+\\)$");

    /** Whether an image-by-image comparison is possible at all. */
    public boolean comparable() {
        return compared > 0;
    }

    /** @param available how many labelled images are at hand to compare with (the evaluation set's size) */
    public static SharedImages of(Measurement baseline, Measurement point, int available) {
        String a = baseline.how().evaluationSet();
        String b = point.how().evaluationSet();
        if (!FIRST.matcher(a).replaceFirst("").equals(FIRST.matcher(b).replaceFirst(""))) {
            return new SharedImages(0, false, "Not measured on the same images: the baseline on " + a
                    + ", this point on " + b + ". No image-by-image comparison is possible.");
        }
        int n = Math.min(Math.min(baseline.samples(), point.samples()), available);
        if (baseline.samples() == point.samples()) {
            return new SharedImages(n, true, n == point.samples()
                    ? String.format(Locale.ROOT, "Both measured on the same %,d images.", n)
                    : String.format(Locale.ROOT, "Both measured on the same %,d images; compared on the first %,d,"
                            + " the labelled images at hand.", point.samples(), n));
        }
        return new SharedImages(n, false, String.format(Locale.ROOT,
                "Not measured on the same images: the baseline on %,d, this point on %,d. Compared on the first %,d,"
                        + " which both saw.", baseline.samples(), point.samples(), n));
    }
}
