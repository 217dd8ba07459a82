package org.paretowb.models.measure;

import java.util.Locale;

/**
 * A compression technique whose per-layer sensitivity the workbench measures: what its setting means, the settings
 * tried, and the cost each row reports.
 */
public enum SensitivityTechnique {
    PRUNE("Unstructured pruning", "Sparsity of the one pruned layer (%)", "non-zero weights of the layer",
            new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}),
    BITS("Weight bits", "Weight bits of the one quantized layer", "bytes of the layer's weights",
            new double[] {8, 4, 2}),
    RANK("Low-rank", "Weights kept by the one factorized layer (%)", "parameters of the layer",
            new double[] {0.75, 0.5, 0.25, 0.1}),
    CHANNELS("Channels removed", "Channels or neurons removed from the one group (%)", "network MACs per image",
            new double[] {0.25, 0.5, 0.75}),
    INT8("int8 kernels", "Kernels of the one layer (0 = fp32, 1 = real int8)",
            "batch-1 kernel time of the layer (µs, ONNX Runtime profile)", new double[] {1});

    private final String title;
    private final String axis;
    private final String cost;
    private final double[] settings;

    SensitivityTechnique(String title, String axis, String cost, double[] settings) {
        this.title = title;
        this.axis = axis;
        this.cost = cost;
        this.settings = settings;
    }

    public String title() {
        return title;
    }

    /** The chart's horizontal axis. */
    public String axis() {
        return axis;
    }

    /** What a row's cost is. */
    public String cost() {
        return cost;
    }

    /** The settings tried, besides the unchanged layer. */
    public double[] settings() {
        return settings.clone();
    }

    /** The setting as a chart places it: percentages for fractions, bits and 0/1 as they are. */
    public double plotted(double setting) {
        return this == PRUNE || this == RANK || this == CHANNELS ? setting * 100 : setting;
    }

    /** The unchanged layer's setting: 0 sparsity, 32 bits, all weights, no channel removed, fp32 kernels. */
    public double unchanged() {
        return switch (this) {
            case PRUNE, CHANNELS, INT8 -> 0;
            case BITS -> 32;
            case RANK -> 1;
        };
    }

    /** The command-line name: prune, bits, rank, channels or int8. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
