package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A network graph on DJL: one child block per unary node, in node order (so parameters list node after node, as
 * {@link NetworkSpec#parameterShapes()} does), and joins computed on the arrays. A forward pass keeps each tensor
 * until its last reader has run.
 */
public final class GraphBlock extends AbstractBlock {
    private final NetworkSpec spec;
    private final Map<String, Block> blocks = new HashMap<>();

    GraphBlock(NetworkSpec spec) {
        this.spec = spec;
        for (Node node : spec.nodes()) {
            if (node.layer() instanceof Layer.Unary unary) {
                blocks.put(node.name(), addChildBlock(node.name(), unary.newBlock()));
            }
        }
    }

    public NetworkSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(run(store, inputs.singletonOrThrow(), training, params).get(lastName()));
    }

    /**
     * Runs {@code input} through the network (inference) and shows {@code visitor} every node's tensor as soon as it
     * is computed: what a calibration observes. A tensor is closed once its last reader has run, so a pass holds
     * only the tensors still to be read.
     */
    public void visit(ParameterStore store, NDArray input, BiConsumer<String, NDArray> visitor) {
        List<List<Integer>> consumers = spec.consumers();
        int[] lastReader = new int[spec.nodes().size()];
        for (int i = 0; i < lastReader.length; i++) {
            lastReader[i] = consumers.get(i).isEmpty() ? i : consumers.get(i).get(consumers.get(i).size() - 1);
        }
        Map<String, NDArray> values = new HashMap<>();
        values.put(NetworkSpec.INPUT, input);
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.nodes().get(i);
            NDArray out = compute(store, node, values, false, null);
            values.put(node.name(), out);
            visitor.accept(node.name(), out);
            for (String in : node.inputs()) {
                int producer = spec.indexOf(in);
                if (producer >= 0 && lastReader[producer] == i) {
                    release(values, in);
                }
            }
            if (lastReader[i] == i) {
                release(values, node.name());
            }
        }
    }

    /** Closes a tensor no node reads any more, unless another name still holds the same array. */
    private static void release(Map<String, NDArray> values, String name) {
        NDArray gone = values.remove(name);
        if (gone != null && !values.containsValue(gone)) {
            gone.close();
        }
    }

    private NDArray compute(ParameterStore store, Node node, Map<String, NDArray> values, boolean training,
                            PairList<String, Object> params) {
        List<NDArray> in = new ArrayList<>(node.inputs().size());
        node.inputs().forEach(name -> in.add(values.get(name)));
        if (node.layer() instanceof Layer.Join join) {
            return join.apply(in);
        }
        return blocks.get(node.name()).forward(store, new NDList(in.get(0)), training, params).singletonOrThrow();
    }

    private Map<String, NDArray> run(ParameterStore store, NDArray input, boolean training,
                                     PairList<String, Object> params) {
        Map<String, NDArray> values = new HashMap<>();
        values.put(NetworkSpec.INPUT, input);
        if (spec.nodes().isEmpty()) {
            values.put(lastName(), input);
        }
        for (Node node : spec.nodes()) {
            values.put(node.name(), compute(store, node, values, training, params));
        }
        return values;
    }

    private String lastName() {
        return spec.nodes().isEmpty() ? NetworkSpec.INPUT : spec.nodes().get(spec.nodes().size() - 1).name();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        List<List<int[]>> inputs = spec.allInputShapes();
        boolean[] flat = spec.flat();
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.nodes().get(i);
            Block block = blocks.get(node.name());
            if (block != null) {
                block.initialize(manager, dataType, batchShape(batch, inputs.get(i).get(0), flatOf(node, flat)));
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        boolean[] flat = spec.flat();
        boolean last = flat.length > 0 && flat[flat.length - 1];
        return new Shape[] {batchShape(batch, spec.outputShape(), last)};
    }

    private boolean flatOf(Node node, boolean[] flat) {
        String first = node.inputs().get(0);
        return !first.equals(NetworkSpec.INPUT) && flat[spec.indexOf(first)];
    }

    private static Shape batchShape(long batch, int[] shape, boolean flat) {
        return flat ? new Shape(batch, (long) shape[0] * shape[1] * shape[2])
                : new Shape(batch, shape[0], shape[1], shape[2]);
    }
}
