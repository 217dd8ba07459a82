package org.paretowb.charts.report;

import java.util.List;
import java.util.Locale;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Forgetting;
import org.paretowb.models.measure.SharedImages;
import org.paretowb.models.report.ReportInput;

/**
 * For each compressed point, what it forgot against the baseline: the per-class accuracy changes as a bar
 * chart and a table, and the images whose prediction flipped, lost and gained, with their counts.
 */
final class ForgettingSection {
    private final ReportAnalysis analysis;
    private final HtmlReport.Medium medium;
    private final int shown;

    ForgettingSection(ReportAnalysis analysis, HtmlReport.Medium medium, int shown) {
        this.analysis = analysis;
        this.medium = medium;
        this.shown = shown;
    }

    void write(Xhtml x) {
        ReportInput input = analysis.input();
        x.open("div", "class", "section", "id", "forgot").newline();
        x.element("h2", "What the compression forgot");
        if (input.baseline() == null || input.compressed().isEmpty()) {
            x.element("p", "Nothing to compare: this needs a baseline and at least one compressed point.", "class",
                    "empty");
            x.close("div").newline();
            return;
        }
        x.element("p", "Aggregate accuracy can hide a class that fails badly. Here each compressed point is compared"
                + " with the baseline image by image: lost images were right before and are wrong after, gained"
                + " images the reverse. Each image is labelled with its true class and both predictions.", "class",
                "lead");
        for (EvaluatedPoint p : input.compressed()) {
            point(x, p);
        }
        x.close("div").newline();
    }

    private void point(Xhtml x, EvaluatedPoint p) {
        ReportInput input = analysis.input();
        SharedImages shared = analysis.shared(p).orElseThrow();
        x.open("div", "class", "forgot-point", "id", "forgot-" + p.id()).newline();
        x.element("h3", "#" + p.id() + " " + p.title());
        x.element("p", shared.note(), "class", shared.same() ? "note" : "note warning");
        if (input.evaluationSet() == null) {
            x.element("p", "The evaluation images were not given to this report, so no image-by-image comparison"
                    + " is shown.", "class", "empty");
            x.close("div").newline();
            return;
        }
        if (analysis.forgetting(p).isEmpty()) {
            x.close("div").newline();
            return;
        }
        Forgetting f = analysis.forgetting(p).get();
        int net = f.gained().size() - f.lost().size();
        x.open("p", "class", "counts");
        x.element("span", Figures.count(f.lost().size()) + " lost", "class", "count lost");
        x.element("span", Figures.count(f.gained().size()) + " gained", "class", "count gained");
        x.text(String.format(Locale.ROOT, "net %+,d of %,d images compared", net, f.images()));
        x.close("p");
        x.open("table", "class", "layout").open("tr");
        x.open("td", "class", "delta-chart");
        int width = medium == HtmlReport.Medium.PRINT ? 320 : 440;
        x.markup(SvgCharts.classDeltas(f.classDelta(), classNames(f), "deltas-" + p.id(), width,
                36 + 22 * f.classDelta().length));
        x.close("td");
        x.open("td", "class", "delta-table");
        classTable(x, p, f, shared);
        x.close("td").close("tr").close("table").newline();
        tiles(x, p, f.lost(), "Lost", "right before, wrong after", "lost");
        tiles(x, p, f.gained(), "Gained", "wrong before, right after", "gained");
        x.close("div").newline();
    }

    private List<String> classNames(Forgetting f) {
        return java.util.stream.IntStream.range(0, f.classDelta().length).mapToObj(analysis.input()::className).toList();
    }

    private void classTable(Xhtml x, EvaluatedPoint p, Forgetting f, SharedImages shared) {
        LabeledImages data = analysis.input().evaluationSet();
        int classes = f.classDelta().length;
        int[] lost = new int[classes];
        int[] gained = new int[classes];
        f.lost().stream().mapToInt(data::label).filter(c -> c < classes).forEach(c -> lost[c]++);
        f.gained().stream().mapToInt(data::label).filter(c -> c < classes).forEach(c -> gained[c]++);
        double[] before = analysis.input().baseline().measurement().perClass();
        double[] after = p.measurement().perClass();
        x.open("table", "class", "data classes").open("thead").open("tr");
        x.element("th", "Class").element("th", "Baseline").element("th", "Point").element("th", "Change")
                .element("th", "Lost").element("th", "Gained");
        x.close("tr").close("thead").open("tbody");
        for (int c = 0; c < classes; c++) {
            double d = f.classDelta()[c];
            x.open("tr");
            x.element("td", analysis.input().className(c));
            x.element("td", c < before.length ? Figures.percent(before[c]) : "n/a", "class", "num");
            x.element("td", c < after.length ? Figures.percent(after[c]) : "n/a", "class", "num");
            x.element("td", Figures.points(d), "class", "num " + (d < 0 ? "neg" : d > 0 ? "pos" : ""));
            x.element("td", Figures.count(lost[c]), "class", "num");
            x.element("td", Figures.count(gained[c]), "class", "num");
            x.close("tr");
        }
        x.close("tbody").close("table");
        x.element("div", shared.same() ? "Accuracy per class on the compared images; change in percentage points."
                : "Baseline and point columns: each on its own images. Change: on the images both saw.",
                "class", "caption");
    }

    private void tiles(Xhtml x, EvaluatedPoint p, List<Integer> images, String title, String meaning, String kind) {
        String count = images.size() > shown
                ? String.format(Locale.ROOT, "%,d images, %,d of %,d shown", images.size(), shown, images.size())
                : String.format(Locale.ROOT, "%,d %s", images.size(), images.size() == 1 ? "image" : "images");
        x.open("h4", "class", kind).text(title + ": " + meaning + " \u2014 " + count).close("h4");
        if (images.isEmpty()) {
            x.element("p", "None.", "class", "empty");
            return;
        }
        ReportInput input = analysis.input();
        ImageTiles tiles = new ImageTiles(input.evaluationSet(), 2);
        byte[] before = input.baseline().measurement().predictions();
        byte[] after = p.measurement().predictions();
        x.open("div", "class", "tiles " + kind).newline();
        for (int i : images.subList(0, Math.min(shown, images.size()))) {
            String truth = input.className(input.evaluationSet().label(i));
            String was = input.className(before[i] & 0xff);
            String now = input.className(after[i] & 0xff);
            x.open("div", "class", "tile", "title", "image " + i + ": " + truth + "; baseline said " + was
                    + ", this point says " + now);
            if (input.evaluationSet().isImages()) {
                x.empty("img", "src", tiles.dataUri(i), "alt", "image " + i + ", a " + truth, "width", "56",
                        "height", "56");
            } else {
                x.element("div", "row " + (i + 1), "class", "row");
            }
            x.element("div", truth, "class", "truth");
            x.element("div", "before: " + was, "class", kind.equals("lost") ? "ok" : "bad");
            x.element("div", "after: " + now, "class", kind.equals("lost") ? "bad" : "ok");
            x.close("div").newline();
        }
        x.close("div").newline();
    }
}
