package org.paretowb.charts.report;

import java.util.List;
import java.util.Locale;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.report.ReportInput;

/**
 * The compressed points whose top-1 is within a margin of the baseline's, and what that rests on. A subset's top-1
 * carries an interval wider than the margin (about ±1.7 points on 1,000 images), so the decision is made on full-set
 * figures whenever the baseline and some compressed point were measured on the whole set; only where none was does
 * it fall back to subset figures, and then it says so.
 *
 * @param candidates the points within the margin
 * @param basis what the decision rests on, to print after "Within 1 point"
 * @param onSubset whether it rests on subset figures
 */
record NearBaseline(List<EvaluatedPoint> candidates, String basis, boolean onSubset) {

    static NearBaseline of(ReportInput input, double margin) {
        EvaluatedPoint b = input.baseline();
        if (b == null) {
            return new NearBaseline(List.of(), "", false);
        }
        double floor = b.measurement().accuracy() - margin;
        List<EvaluatedPoint> full = input.compressed().stream().filter(p -> !p.subset()).toList();
        if (!b.subset() && !full.isEmpty()) {
            long leftOut = input.compressed().stream().filter(EvaluatedPoint::subset).count();
            return new NearBaseline(full.stream().filter(p -> p.measurement().accuracy() >= floor).toList(),
                    "on full-set figures" + (leftOut == 0 ? "" : String.format(Locale.ROOT,
                            " (%d subset point%s not considered: measure %s on the full set)", leftOut,
                            leftOut == 1 ? "" : "s", leftOut == 1 ? "it" : "them")), false);
        }
        List<EvaluatedPoint> all = input.compressed();
        double widest = all.stream().filter(EvaluatedPoint::subset)
                .mapToDouble(p -> p.measurement().accuracyInterval().plusMinus(p.measurement().accuracy()))
                .max().orElse(0);
        String which = b.subset() ? "the baseline and the points were measured on a subset"
                : "no compressed point was measured on the full set";
        return new NearBaseline(all.stream().filter(p -> p.measurement().accuracy() >= floor).toList(),
                String.format(Locale.ROOT, "rests on a subset: %s, whose top-1 is good to \u00b1%.1f points (95%%)",
                        which, widest * 100), true);
    }
}
