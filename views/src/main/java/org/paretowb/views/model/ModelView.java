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
                column("Kernels", 110, this::kernels, s -> s)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        root.setTop(title);
        root.setCenter(table);
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
        if (baselinePoint != null && baselinePoint != point) {
            for (LayerTable.Row row : LayerTable.of(NetworkSpec.parse(baselinePoint.measurement().network()))) {
                before.put(row.name(), row);
            }
        }
        baseline = before;
        shown = point;
        title.setText(String.format(Locale.ROOT, "#%d %s: %,d parameters, %,d MACs per image%s", point.id(),
                point.title(), point.measurement().parameters(), spec.macs(), baselinePoint == null
                        || baselinePoint == point ? "" : String.format(Locale.ROOT, " (baseline: %,d and %,d)",
                        baselinePoint.measurement().parameters(), baselinePoint.measurement().macs()))
                + (point.measurement().how().int8Layers().isEmpty() ? "" : "; int8 kernels in "
                        + String.join(", ", point.measurement().how().int8Layers())));
        table.setItems(FXCollections.observableArrayList(LayerTable.of(spec)));
    }

    /** The baseline's output shape of the same node where it differs (channels a structured pruning removed). */
    private String baselineOutput(LayerTable.Row row) {
        LayerTable.Row before = baseline.get(row.name());
        return before == null || before.output().equals(row.output()) ? "" : before.output();
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
        return before == null || row.parameters() == 0 ? -1 : figure.apply(before);
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
