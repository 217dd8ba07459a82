package org.paretowb.services.compress;

import org.paretowb.models.network.Activation;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.FakeQuant;
import org.paretowb.models.network.Norm;
import org.paretowb.models.network.Relu;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.GraphBlock;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * Activation quantization as fake-quantize nodes. Dynamic puts one in front of every dense layer, with the range
 * taken from each batch at run time. Static puts one, with the range its tensor showed on the calibration images
 * (min and max, or percentiles), on every tensor that a convolution, a dense layer, an activation other than ReLU
 * or ReLU6 (clip) or a join (add, multiplication, concatenation) reads, and on the output of every convolution,
 * dense layer and join (after its batch norm and its ReLU or ReLU6, which an int8 kernel fuses): an int8 layer's
 * output is quantized there. The calibration images go through the network once, in batches, observing every tensor on the way.
 */
public final class ActivationQuantizer {
    private static final int ACTIVATION_BITS = 8;
    /** Values a calibration pass may hold at once (floats over all of a batch's tensors); sets the batch size. */
    private static final long CALIBRATION_FLOATS = 1L << 26;

    private final PyTorchRuntime runtime;

    /** @param runtime runs the calibration; may be null when only dynamic quantization is asked for */
    public ActivationQuantizer(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public WeightSet quantize(WeightSet weights, QuantizationSettings settings, LabeledImages calibration) {
        if (settings.mode() != QuantizationSettings.Mode.DYNAMIC && settings.mode() != QuantizationSettings.Mode.STATIC) {
            return weights;
        }
        NetworkSpec spec = weights.spec();
        if (settings.mode() == QuantizationSettings.Mode.DYNAMIC) {
            Map<String, FakeQuant> ranges = new LinkedHashMap<>();
            for (Node node : spec.nodes()) {
                if (node.layer() instanceof Dense) {
                    ranges.put(node.inputs().get(0), new FakeQuant(ACTIVATION_BITS, true, 0, 0));
                }
            }
            return new WeightSet(inserted(spec, ranges, Set.of()), weights.tensors());
        }
        if (runtime == null || calibration == null) {
            throw new IllegalStateException("static quantization needs calibration images, and none are loaded here");
        }
        Set<String> outputs = activatedOutputs(spec);
        Set<String> observed = new LinkedHashSet<>(readInputs(spec));
        observed.addAll(outputs);
        Map<String, float[]> ranges = observe(weights, observed, calibration.first(settings.calibrationSamples()),
                settings.observer());
        Map<String, FakeQuant> quantizers = new LinkedHashMap<>();
        ranges.forEach((tensor, r) -> quantizers.put(tensor, new FakeQuant(ACTIVATION_BITS, false, r[0], r[1])));
        return new WeightSet(inserted(spec, quantizers, outputs), weights.tensors());
    }

    /** Tensors read by convolutions, dense layers, activations other than ReLU and joins. */
    private static Set<String> readInputs(NetworkSpec spec) {
        Set<String> tensors = new LinkedHashSet<>();
        for (Node node : spec.nodes()) {
            if (quantizesInput(node.layer())) {
                tensors.addAll(node.inputs());
            }
        }
        return tensors;
    }

    /** Readers whose input is quantized: all but ReLU and ReLU6 (clip), which fuse into the quantization before. */
    private static boolean quantizesInput(Layer layer) {
        return layer instanceof Conv || layer instanceof Dense || layer instanceof Layer.Join
                || layer instanceof Activation a && a.kind() != Activation.Kind.CLIP;
    }

    /**
     * The output of each convolution, dense layer and join (not the network's), after the batch norm and ReLU or
     * ReLU6 that follow it as its only reader: where an int8 kernel's output is quantized (an integer add or concat
     * needs its output quantized even where a pool reads it).
     */
    static Set<String> activatedOutputs(NetworkSpec spec) {
        List<List<Integer>> consumers = spec.consumers();
        Set<String> outputs = new LinkedHashSet<>();
        int last = spec.nodes().size() - 1;
        for (int i = 0; i < spec.nodes().size(); i++) {
            Layer layer = spec.node(i).layer();
            if (!(layer instanceof Conv || layer instanceof Dense || layer instanceof Layer.Join)) {
                continue;
            }
            int at = i;
            while (consumers.get(at).size() == 1 && fusesIntoOutput(spec.node(consumers.get(at).get(0)).layer())) {
                at = consumers.get(at).get(0);
            }
            if (at != last) {
                outputs.add(spec.node(at).name());
            }
        }
        return outputs;
    }

    private static boolean fusesIntoOutput(Layer layer) {
        return layer instanceof Norm || layer instanceof Relu
                || layer instanceof Activation a && a.kind() == Activation.Kind.CLIP;
    }

    /**
     * The network with a fake-quantize node "tensor.q" after each tensor of {@code quantizers}: every reader of an
     * output in {@code everyReader} reads it, elsewhere the readers that quantize their input do.
     */
    private static NetworkSpec inserted(NetworkSpec spec, Map<String, FakeQuant> quantizers,
                                        Set<String> everyReader) {
        Map<String, String> renamed = new HashMap<>();
        quantizers.keySet().forEach(t -> renamed.put(t, uniqueName(spec, t + ".q")));
        List<Node> nodes = new ArrayList<>();
        if (quantizers.containsKey(NetworkSpec.INPUT)) {
            nodes.add(new Node(renamed.get(NetworkSpec.INPUT), quantizers.get(NetworkSpec.INPUT), NetworkSpec.INPUT));
        }
        for (Node node : spec.nodes()) {
            List<String> inputs = node.inputs().stream().map(in -> renamed.containsKey(in)
                    && (everyReader.contains(in) || readsQuantized(node.layer(), quantizers.get(in))) ? renamed.get(in)
                    : in).toList();
            nodes.add(node.withInputs(inputs));
            if (quantizers.containsKey(node.name())) {
                nodes.add(new Node(renamed.get(node.name()), quantizers.get(node.name()), node.name()));
            }
        }
        return spec.withNodes(nodes);
    }

    /** Whether a reader takes the quantized tensor: dynamic ranges serve dense layers, static ones every quantizing reader. */
    private static boolean readsQuantized(Layer reader, FakeQuant quantizer) {
        return quantizer.dynamic() ? reader instanceof Dense : quantizesInput(reader);
    }

    private static String uniqueName(NetworkSpec spec, String wanted) {
        String name = wanted;
        for (int k = 2; spec.indexOf(name) >= 0; k++) {
            name = wanted + k;
        }
        return name;
    }

    /** The observer's range (widened to include zero) of each tensor named in {@code tensors}, over the images. */
    private Map<String, float[]> observe(WeightSet weights, Set<String> tensors, LabeledImages images,
                                         QuantizationSettings.Observer observer) {
        Map<String, RangeObserver> observers = new LinkedHashMap<>();
        tensors.forEach(t -> observers.put(t, new RangeObserver(observer)));
        int batch = calibrationBatch(weights.spec());
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            GraphBlock block = (GraphBlock) network.block();
            for (int from = 0; from < images.size(); from += batch) {
                int count = Math.min(batch, images.size() - from);
                try (NDManager scope = network.manager().newSubManager()) {
                    NDArray input = scope.create(images.scaledPixels(from, count), network.inputShape(count));
                    RangeObserver in = observers.get(NetworkSpec.INPUT);
                    if (in != null) {
                        in.add(input);
                    }
                    block.visit(new ParameterStore(scope, false), input, (name, value) -> {
                        RangeObserver o = observers.get(name);
                        if (o != null) {
                            o.add(value);
                        }
                    });
                }
            }
        }
        Map<String, float[]> ranges = new LinkedHashMap<>();
        observers.forEach((t, o) -> ranges.put(t, o.range()));
        return ranges;
    }

    /** Images per calibration batch: at most 500, fewer where the network's tensors are large. */
    private static int calibrationBatch(NetworkSpec spec) {
        long perImage = 0;
        for (int[] shape : spec.outputShapes()) {
            perImage += (long) shape[0] * shape[1] * shape[2];
        }
        return (int) Math.max(1, Math.min(500, CALIBRATION_FLOATS / Math.max(1, perImage)));
    }

    /** Min and max, or the 0.01st and 99.99th percentiles, of the values; widened to include zero. */
    static float[] range(float[] values, QuantizationSettings.Observer observer) {
        RangeObserver o = new RangeObserver(observer);
        o.add(values);
        return o.range();
    }
}
