package org.paretowb.models.network;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The example networks. All take images as (batch, 1, 28, 28) with pixels scaled to [0, 1]. */
public enum Architecture {
    /** Dense 784-256-128-10. */
    MLP("mlp", "MLP 784-256-128-10", "1x28x28 flatten dense256 relu dense128 relu dense10"),
    /** Two conv + BatchNorm + ReLU + max-pool stages (16 and 32 channels), then dense 128 and 10. */
    CNN("cnn", "CNN conv16-conv32-128-10",
            "1x28x28 conv16k3p1 bn relu maxpool2 conv32k3p1 bn relu maxpool2 flatten dense128 relu dense10"),
    /**
     * Three conv + BatchNorm + ReLU stages of 32, 64 and 128 channels (max-pool after the first two), then
     * dense 256 and 10: about 7 times the CNN's MACs, most of them in layers where int8 kernels pay.
     */
    WIDE_CNN("cnn-wide", "Wide CNN conv32-conv64-conv128-256-10",
            "1x28x28 conv32k3p1 bn relu maxpool2 conv64k3p1 bn relu maxpool2 conv128k3p1 bn relu flatten"
                    + " dense256 relu dense10");

    public static final int CLASSES = 10;

    private final String cliName;
    private final String title;
    private final NetworkSpec spec;

    Architecture(String cliName, String title, String description) {
        this.cliName = cliName;
        this.title = title;
        this.spec = NetworkSpec.parse(description);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public String title() {
        return title;
    }

    /** The name used on the command line: {@code mlp}, {@code cnn} or {@code cnn-wide}. */
    public String cliName() {
        return cliName;
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
