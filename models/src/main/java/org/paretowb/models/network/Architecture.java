package org.paretowb.models.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The example networks. Both take images as (batch, 1, 28, 28) with pixels scaled to [0, 1]. */
public enum Architecture {
    /** Dense 784-256-128-10. */
    MLP("MLP 784-256-128-10") {
        @Override
        public Block newBlock() {
            return new SequentialBlock()
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(256).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(CLASSES).build());
        }
    },
    /** Two conv + BatchNorm + ReLU + max-pool stages (16 and 32 channels), then dense 128 and 10. */
    CNN("CNN conv16-conv32-128-10") {
        @Override
        public Block newBlock() {
            return new SequentialBlock()
                    .add(convStage(16))
                    .add(convStage(32))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(CLASSES).build());
        }

        private Block convStage(int channels) {
            return new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(channels).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
    };

    public static final int CLASSES = 10;

    private final String title;

    Architecture(String title) {
        this.title = title;
    }

    /** A fresh, uninitialised DJL block of this architecture. */
    public abstract Block newBlock();

    /** The shape of one input image, without the batch dimension. */
    public Shape imageShape() {
        return new Shape(1, 28, 28);
    }

    /** Shape of a batch of {@code batch} images. */
    public Shape inputShape(int batch) {
        return new Shape(batch, 1, 28, 28);
    }

    public String title() {
        return title;
    }

    /** The name used on the command line: {@code mlp} or {@code cnn}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name; the message lists the valid ones. */
    public static Architecture fromCliName(String name) {
        for (Architecture a : values()) {
            if (a.cliName().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': choose one of "
                + Arrays.stream(values()).map(Architecture::cliName).collect(Collectors.joining(", ")));
    }
}
