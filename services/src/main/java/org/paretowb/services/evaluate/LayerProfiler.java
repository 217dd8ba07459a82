package org.paretowb.services.evaluate;

import org.paretowb.models.network.FakeQuant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.onnx.OnnxExporter;

/**
 * Times every weighted layer on ONNX Runtime's real kernels in fp32 and in static int8 (the layer's
 * integer kernel plus the quantize and dequantize nodes it needs), at batch 1 and at the evaluation batch,
 * from ONNX Runtime's own per-node profiler. The int8 choice "where it pays" takes the layers whose int8
 * time is below their fp32 time at both batch sizes.
 */
public final class LayerProfiler {
    private final OrtRuntime runtime;
    private final OnnxExporter exporter = new OnnxExporter();
    private final int runs;
    private final int batch;

    public LayerProfiler(OrtRuntime runtime, int runs, int batch) {
        this.runtime = runtime;
        this.runs = runs;
        this.batch = batch;
    }

    /** One layer's kernel time, microseconds per run. */
    public record LayerTime(String layer, double fp32Batch1, double int8Batch1, double fp32Batch, double int8Batch) {
        public boolean pays() {
            return int8Batch1 < fp32Batch1 && int8Batch < fp32Batch;
        }
    }

    /** The profile of a statically calibrated network (one with fake-quantize ranges in front of its layers). */
    public record Profile(List<LayerTime> layers, int batch, int runs) {
        public Set<String> paying() {
            Set<String> names = new HashSet<>();
            layers.stream().filter(t -> !NodeProfile.OTHER.equals(t.layer()) && t.pays())
                    .forEach(t -> names.add(t.layer()));
            return names;
        }
    }

    public Profile profile(WeightSet calibrated, LabeledImages images, CancelToken cancel) {
        List<String> names = LayerNames.list(calibrated.spec());
        Set<String> all = calibratedLayers(calibrated);
        OnnxExporter.Exported fp32 = exporter.exportWithOwners(calibrated, Set.of());
        OnnxExporter.Exported int8 = exporter.exportWithOwners(calibrated, all);
        Map<String, Double> f1 = time(fp32, calibrated, images, 1, names, cancel);
        Map<String, Double> i1 = time(int8, calibrated, images, 1, names, cancel);
        Map<String, Double> fb = time(fp32, calibrated, images, batch, names, cancel);
        Map<String, Double> ib = time(int8, calibrated, images, batch, names, cancel);
        List<LayerTime> layers = new ArrayList<>();
        for (String layer : f1.keySet()) {
            boolean quantizable = all.contains(layer) || NodeProfile.OTHER.equals(layer);
            if (quantizable) {
                layers.add(new LayerTime(layer, f1.get(layer), i1.get(layer), fb.get(layer), ib.get(layer)));
            }
        }
        return new Profile(layers, batch, runs);
    }

    /** The layers that have a calibrated input range, which are the ones static int8 can take. */
    public static Set<String> calibratedLayers(WeightSet calibrated) {
        Set<String> layers = new HashSet<>();
        var spec = calibrated.spec();
        LayerNames.of(spec).forEach((index, name) -> {
            int input = spec.indexOf(spec.node(index).inputs().get(0));
            if (input >= 0 && spec.node(input).layer() instanceof org.paretowb.models.network.FakeQuant q
                    && !q.dynamic()) {
                layers.add(name);
            }
        });
        return layers;
    }

    private int warmUp() {
        return Math.max(5, runs / 4);
    }

    private Map<String, Double> time(OnnxExporter.Exported onnx, WeightSet weights, LabeledImages images, int size,
                                     List<String> names, CancelToken cancel) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("paretowb-profile");
            try (OnnxNetwork network = runtime.load(onnx.bytes(), weights.spec(), 1, dir.resolve("ort").toString());
                 InferenceNetwork.PreparedBatch input = network.prepare(images.scaledPixels(0, size), size)) {
                for (int i = 0; i < warmUp(); i++) {
                    input.run();
                }
                for (int i = 0; i < runs; i++) {
                    if (i % 20 == 0) {
                        cancel.check();
                    }
                    input.run();
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                Path trace = files.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("ONNX Runtime wrote no profile"));
                return NodeProfile.perLayer(trace, onnx.owners(), names, warmUp());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (System.getProperty("paretowb.keepTrace") == null) { deleteAll(dir); }
        }
    }

    private static void deleteAll(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // only temporary files
        }
    }
}
