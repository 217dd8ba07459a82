package org.paretowb.models.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** x * scale + shift per channel, with constant (untrained) scale and shift: {@link Affine} on DJL. */
final class AffineBlock extends AbstractBlock {
    private final Parameter scale;
    private final Parameter shift;

    AffineBlock() {
        scale = addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES).optRequiresGrad(false).build());
        shift = addParameter(Parameter.builder().setName("shift").setType(Parameter.Type.BETA)
                .optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape perChannel = new Shape(inputShapes[0].get(1));
        scale.setShape(perChannel);
        shift.setShape(perChannel);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray s = store.getValue(scale, x.getDevice(), training);
        NDArray b = store.getValue(shift, x.getDevice(), training);
        Shape broadcast = x.getShape().dimension() == 4 ? new Shape(1, s.size(), 1, 1) : new Shape(1, s.size());
        return new NDList(x.mul(s.reshape(broadcast)).add(b.reshape(broadcast)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
