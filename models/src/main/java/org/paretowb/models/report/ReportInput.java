package org.paretowb.models.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * Everything a report is made from.
 *
 * @param title the report's title, for example the session's name
 * @param modelTitle the model the points were made from, for example "CNN (example, 92.02%)"
 * @param dataTitle the data they were evaluated on, for example "Fashion-MNIST test set (10,000 images)"
 * @param points the points in the order they were measured; the baseline is drawn from them when listed
 * @param baseline the point the others are compared with, or null when none was measured (then gains and
 *                 forgetting are left out)
 * @param evaluationSet the images the points were evaluated on (their first {@code samples}), for the flipped
 *                      images; null leaves the images out
 * @param classNames a name per class index; a class without one is called "class N"
 * @param environment what the figures were measured on, in the order to show (machine, JVM, engine, ...)
 * @param created when the report was made
 */
public record ReportInput(String title, String modelTitle, String dataTitle, List<EvaluatedPoint> points,
                          EvaluatedPoint baseline, LabeledImages evaluationSet, List<String> classNames,
                          Map<String, String> environment, Instant created) {

    public ReportInput {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a report needs a title");
        }
        if (points == null || created == null) {
            throw new IllegalArgumentException("a report needs its points (possibly none) and when it was made");
        }
        modelTitle = modelTitle == null ? "" : modelTitle;
        dataTitle = dataTitle == null ? "" : dataTitle;
        List<EvaluatedPoint> all = new ArrayList<>(points);
        if (baseline != null && all.stream().noneMatch(p -> p.id() == baseline.id())) {
            all.add(0, baseline);
        }
        points = List.copyOf(all);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * The baseline to compare with: on the engine of the first baseline measured (the window's own engine,
     * so that a baseline measured again on DJL's PyTorch does not become the reference of ONNX Runtime
     * points), the one measured on the most images, the newest of equals; null when there is none.
     */
    public static EvaluatedPoint baselineOf(List<EvaluatedPoint> all) {
        String engine = all.stream().filter(EvaluatedPoint::baseline).min(Comparator.comparingInt(EvaluatedPoint::id))
                .map(EvaluatedPoint::engine).orElse(null);
        return all.stream().filter(p -> p.baseline() && p.engine().equals(engine))
                .max(Comparator.comparingInt((EvaluatedPoint p) -> p.measurement().samples())
                        .thenComparingInt(EvaluatedPoint::id))
                .orElse(null);
    }

    /** The name of class {@code index}. */
    public String className(int index) {
        return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
    }

    /** The points other than the baseline. */
    public List<EvaluatedPoint> compressed() {
        return points.stream().filter(p -> baseline == null || p.id() != baseline.id()).toList();
    }
}
