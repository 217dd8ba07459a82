package org.paretowb.views.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.paretowb.views.common.Columns;
import javafx.scene.layout.BorderPane;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.network.LayerTable;
import org.paretowb.models.network.NetworkSpec;

/**
 * The network of the selected point as a table of its nodes (name, type, the nodes it reads where that is not
 * simply the one above: residual joins and branches show there, output shape, parameters, MACs, share of the
 * MACs), with the baseline's output shape, parameters and MACs beside each node, so a user sees which layers a
 * technique shrank and how many channels each kept.
 */
public final class ModelView {
    private final BorderPane root = new BorderPane();
    private final Label title = new Label("Select a point to see its network.");
    private final TableView<LayerTable.Row> table = new TableView<>();
    private Map<String, LayerTable.Row> baseline = Map.of();
    private EvaluatedPoint shown;
    private Map<String, Double> sparsity = Map.of();
    private java.util.function.Function<EvaluatedPoint, java.util.concurrent.CompletableFuture<
            org.paretowb.models.network.WeightSet>> weightsOf = p -> null;
    private java.util.concurrent.CompletableFuture<?> pending;

    public ModelView() {
        title.setId("modelTitle");
        title.setWrapText(true);
        title.setPadding(new Insets(8));
        table.setId("layerTable");
        table.getColumns().setAll(List.of(
                column("Layer", 150, LayerTable.Row::name, s -> s),
                column("Type", 130, LayerTable.Row::type, s -> s),
                column("Reads", 150, LayerTable.Row::inputs, s -> s),
                column("Output", 110, LayerTable.Row::output, s -> s),
                column("Baseline output", 120, this::baselineOutput, s -> s),
                column("Parameters", 110, LayerTable.Row::parameters, v -> format("%,d", v)),
                column("Baseline params", 120, r -> was(r, LayerTable.Row::parameters), v -> v < 0 ? "" : format("%,d", v)),
                column("MACs", 120, LayerTable.Row::macs, v -> format("%,d", v)),
                column("Baseline MACs", 120, r -> was(r, LayerTable.Row::macs), v -> v < 0 ? "" : format("%,d", v)),
                column("Share of MACs", 110, LayerTable.Row::macsShare, v -> format("%.1f%%", v * 100)),
                column("Zero weights", 100, this::sparsityOf, s -> s),
                column("Weight bits", 90, this::bits, s -> s),
                column("Kernels", 110, this::kernels, s -> s)));
        for (TableColumn<LayerTable.Row, ?> c : table.getColumns()) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(c.getText());
            text.setFont(javafx.scene.text.Font.font(13));
            c.setMinWidth(Math.ceil(text.getLayoutBounds().getWidth() + 22)); // headers never cut: scroll instead
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        root.setTop(title);
        root.setCenter(table);
    }

    /**
     * Where the weights of a point come from for its per-layer zero counts: its recipe applied again on the compute
     * lane (null: not offered). Recipes that train (fine-tuning, distillation) are not applied again: that would
     * take a training run and give other weights.
     */
    public void weightsFrom(java.util.function.Function<EvaluatedPoint, java.util.concurrent.CompletableFuture<
            org.paretowb.models.network.WeightSet>> source) {
        this.weightsOf = source;
    }

    private void countZeros(EvaluatedPoint point) {
        if (pending != null) {
            pending.cancel(true);
        }
        sparsity = Map.of();
        boolean trains = point.recipe().distillation().active() || point.recipe().fineTune().active();
        var weights = trains ? null : weightsOf.apply(point);
        if (weights == null) {
            sparsity = null;
            return;
        }
        pending = weights.thenAccept(w -> {
            Map<String, Double> counted = LayerSparsity.of(w);
            javafx.application.Platform.runLater(() -> {
                if (shown == point) {
                    sparsity = counted;
                    table.refresh();
                }
            });
        });
    }

    /** The share of the layer's weights that are zero, once counted. */
    private String sparsityOf(LayerTable.Row row) {
        if (sparsity == null) {
            return row.parameters() > 0 ? "n/a" : "";
        }
        Double share = sparsity.get(row.name());
        return share == null ? "" : format("%.1f%%", share * 100);
    }

    /** Shows {@code point}'s network, against {@code baselinePoint}'s (either may be null). */
    public void show(EvaluatedPoint point, EvaluatedPoint baselinePoint) {
        if (point == null) {
            title.setText("Select a point to see its network.");
            table.setItems(FXCollections.observableArrayList());
            return;
        }
        NetworkSpec spec = NetworkSpec.parse(point.measurement().network());
        Map<String, LayerTable.Row> before = new HashMap<>();
        // A student is another network: its fc1 is not the teacher's fc1, so nothing is matched by name across them.
        boolean sameNetwork = baselinePoint != null && baselinePoint != point
                && point.recipe().distillation().equals(baselinePoint.recipe().distillation());
        if (sameNetwork) {
            for (LayerTable.Row row : LayerTable.of(NetworkSpec.parse(baselinePoint.measurement().network()))) {
                before.put(row.name(), row);
            }
        }
        baseline = before;
        shown = point;
        countZeros(point);
        title.setText(String.format(Locale.ROOT, "#%d %s: %,d parameters, %,d MACs per image%s", point.id(),
                point.title(), point.measurement().parameters(), spec.macs(), baselinePoint == null
                        || baselinePoint == point ? "" : String.format(Locale.ROOT, " (baseline: %,d and %,d)",
                        baselinePoint.measurement().parameters(), baselinePoint.measurement().macs()))
                + (point.measurement().how().int8Layers().isEmpty() ? "" : "; int8 kernels in "
                        + String.join(", ", point.measurement().how().int8Layers()))
                + (point.recipe().distillation().active() || point.recipe().fineTune().active() ? ". Zero weights per"
                        + " layer: n/a (counting them would train again)" : "")
                + (point.recipe().distillation().active() ? ". A distilled student is a network of its own: its layers"
                        + " are not matched with the baseline's, even where their names are the same." : ""));
        table.setItems(FXCollections.observableArrayList(LayerTable.of(spec)));
        fitNames(table.getItems());
        // rows of the same network are equal records: without this, cells kept the previous point's kernels and bits
        table.refresh();
    }

    /** Layer, Type and Reads as wide as their widest cell: a graph's names and joins are never cut, the table scrolls. */
    private void fitNames(List<LayerTable.Row> rows) {
        List<Function<LayerTable.Row, String>> texts = List.of(LayerTable.Row::name, LayerTable.Row::type,
                LayerTable.Row::inputs);
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(13));
        for (int c = 0; c < texts.size(); c++) {
            TableColumn<LayerTable.Row, ?> column = table.getColumns().get(c);
            double widest = column.getMinWidth();
            for (LayerTable.Row row : rows) {
                probe.setText(texts.get(c).apply(row));
                widest = Math.max(widest, probe.getLayoutBounds().getWidth() + 22);
            }
            column.setPrefWidth(Math.ceil(widest));
        }
    }

    /** A node's kind without its sizes (conv, dense, bn, …): a node matched by name must be the same kind too. */
    private static String kind(LayerTable.Row row) {
        return row.type().replaceAll("[^a-z].*$", "");
    }

    /** The bits each weight of a weighted layer is stored in, as the recipe quantized it (32: not quantized). */
    private String bits(LayerTable.Row row) {
        boolean weighted = row.type().startsWith("conv") || row.type().startsWith("dense");
        if (shown == null || !weighted) {
            return "";
        }
        var q = shown.recipe().quantization();
        return switch (q.mode()) {
            case OFF -> "32";
            case WEIGHT -> String.valueOf(q.bits());
            case DYNAMIC -> row.type().startsWith("dense") ? String.valueOf(q.bits()) : "32";
            case STATIC -> shown.measurement().how().int8Layers().contains(row.name()) ? String.valueOf(q.bits()) : "32";
        };
    }

    /** The baseline's output shape of the same node where it differs (channels a structured pruning removed). */
    private String baselineOutput(LayerTable.Row row) {
        LayerTable.Row before = baseline.get(row.name());
        return before == null || !kind(before).equals(kind(row)) || before.output().equals(row.output()) ? ""
                : before.output();
    }

    /** Which kernels a weighted layer ran on for the shown point: int8 where it did (static or dynamic), else fp32. */
    private String kernels(LayerTable.Row row) {
        boolean weighted = row.type().startsWith("conv") || row.type().startsWith("dense");
        if (shown == null || !weighted) {
            return "";
        }
        var how = shown.measurement().how();
        if (how.int8Layers().contains(row.name())) {
            return "int8";
        }
        boolean dynamic = shown.recipe().quantization().mode()
                == org.paretowb.models.recipe.QuantizationSettings.Mode.DYNAMIC;
        return dynamic && how.realKernels() && row.type().startsWith("dense") ? "int8 (dynamic)" : "fp32";
    }

    private long was(LayerTable.Row row, Function<LayerTable.Row, Long> figure) {
        LayerTable.Row before = baseline.get(row.name());
        return before == null || row.parameters() == 0 || !kind(before).equals(kind(row)) ? -1 : figure.apply(before);
    }

    public TableView<LayerTable.Row> table() {
        return table;
    }

    public Parent root() {
        return root;
    }

    private static String format(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static <T> TableColumn<LayerTable.Row, T> column(String title, double width,
                                                 Function<LayerTable.Row, T> value, Function<T, String> text) {
        return Columns.typed(title, width, value, text);
    }
}
