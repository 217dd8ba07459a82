package org.paretowb.charts.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.report.ReportInput;

/**
 * Hand-made report input: 60 images of 28x28 in 3 classes (20 each), a baseline right on 54 of them, and
 * points whose predictions differ from the baseline's on chosen images.
 */
final class ReportFixtures {
    static final int IMAGES = 60;
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pull<over> & \"co\"");
    static final Provenance REAL = provenance("fp32 kernels", true);
    static final Provenance SIMULATED = provenance("simulated int8 weights", false);

    private static Provenance provenance(String kernels, boolean real) {
        return Provenance.builder().engine("ONNX Runtime 1.21.1 (DJL 0.36.0), optimisation ALL", 2, 1)
                .images("hand-made", false).latencyRuns(20, 200).throughputBatch(64).kernels(kernels, real)
                .sizeFormat("PWB1 weight file").build();
    }

    private ReportFixtures() {
    }

    /** Image i: class i % 3, a bright square whose position tells the class, its size the index. */
    static LabeledImages images() {
        byte[] pixels = new byte[IMAGES * 28 * 28];
        byte[] labels = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = (byte) (i % 3);
            int x0 = 2 + 8 * (i % 3);
            int side = 4 + i % 5;
            for (int y = 4; y < 4 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    pixels[i * 784 + y * 28 + x] = (byte) 220;
                }
            }
        }
        return new LabeledImages("hand-made", pixels, labels, 28, 28);
    }

    /** The labels, except on {@code wrong} images, where the prediction is the next class. */
    static byte[] predictions(int... wrong) {
        LabeledImages data = images();
        byte[] p = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            p[i] = (byte) data.label(i);
        }
        for (int i : wrong) {
            p[i] = (byte) ((data.label(i) + 1) % 3);
        }
        return p;
    }

    static Measurement measured(byte[] predictions, double p50, long size, long nonZeros, long macs, Provenance how) {
        LabeledImages data = images();
        int right = 0;
        double[] perClass = new double[3];
        for (int i = 0; i < IMAGES; i++) {
            if (predictions[i] == data.label(i)) {
                right++;
                perClass[data.label(i)] += 1.0 / 20;
            }
        }
        double accuracy = (double) right / IMAGES;
        return Measurement.builder().accuracy(accuracy, Math.min(1, accuracy + 0.05), perClass).latency(p50, p50 * 1.3)
                .sizeBytes(size).counts(207_114, nonZeros, macs).throughput(9000).predictions(predictions)
                .network("1x28x28 conv16k3p1 relu maxpool2 flatten dense10").how(how).build();
    }

    static final int[] BASELINE_WRONG = {0, 1, 2, 3, 4, 5};

    static EvaluatedPoint baseline() {
        return new EvaluatedPoint(1, Recipe.BASELINE,
                measured(predictions(BASELINE_WRONG), 0.073, 829_203, 207_114, 1_236_864, REAL));
    }

    /** Loses images 10, 13, 16 (class 1, 1, 1) and 20; gains 0 and 4. */
    static EvaluatedPoint pruned() {
        return new EvaluatedPoint(2, Recipe.builder().pruning(new PruningSettings(0.9))
                        .fineTune(new FineTuneSettings(1, 5e-4)).build(),
                measured(predictions(1, 2, 3, 5, 10, 13, 16, 20), 0.074, 110_597, 20_712, 1_236_864, REAL),
                "sparse <90%> & tuned");
    }

    /** Loses image 30 only. */
    static EvaluatedPoint quantized() {
        return new EvaluatedPoint(3, Recipe.builder()
                        .quantization(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true)).build(),
                measured(predictions(0, 1, 2, 3, 4, 5, 30), 0.075, 209_953, 207_114, 1_236_864, SIMULATED));
    }

    static ReportInput input() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CPU", "2 vCPU AMD EPYC <AVX2>");
        environment.put("Java", "OpenJDK 17");
        return new ReportInput("Session <one> & \"two\"", "CNN (example)", "hand-made, 60 images",
                List.of(baseline(), pruned(), quantized()), baseline(), images(), CLASSES, environment,
                Instant.parse("2026-01-02T03:04:05Z"));
    }
}
