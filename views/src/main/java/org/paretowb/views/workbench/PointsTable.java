package org.paretowb.views.workbench;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.paretowb.views.common.Columns;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.measure.Measurement;

/** The columns of the history table: typed values (so sorting is numeric), formatted for reading. */
final class PointsTable {
    private PointsTable() {
    }

    static void configure(TableView<EvaluatedPoint> table) {
        table.getColumns().setAll(
                column("#", 45, EvaluatedPoint::id, id -> "#" + id),
                column("Recipe", 250, EvaluatedPoint::title, s -> s),
                column("Top-1 (%)", 75, p -> m(p).accuracy() * 100, v -> format("%.2f", v)),
                column("p50 (ms)", 75, p -> m(p).latencyP50Ms(), v -> format("%.3f", v)),
                column("p95 (ms)", 75, p -> m(p).latencyP95Ms(), v -> format("%.3f", v)),
                column("Size (bytes)", 100, p -> m(p).sizeBytes(), v -> format("%,d", v)),
                column("Non-zeros", 90, p -> m(p).nonZeros(), v -> format("%,d", v)),
                column("Params", 80, p -> m(p).parameters(), v -> format("%,d", v)),
                column("MACs", 90, p -> m(p).macs(), v -> format("%,d", v)),
                column("Img/s b64", 80, p -> m(p).throughput(), v -> format("%,.0f", v)),
                column("Images", 80, p -> m(p).samples(), v -> format("%,d", v)),
                column("Set", 60, p -> p.subset() ? "subset" : "full", s -> s),
                gains());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No points yet: the baseline is being measured."));
    }

    /**
     * Nominal against measured gains over the baseline: non-zeros against bytes written, nominal compute
     * against batch-1 latency; marked with ⚠ and the cause in the tooltip when they differ.
     */
    private static TableColumn<EvaluatedPoint, EvaluatedPoint> gains() {
        TableColumn<EvaluatedPoint, EvaluatedPoint> column = new TableColumn<>("Size | speed gain");
        column.setPrefWidth(200);
        Label header = new Label("Size | speed gain");
        header.setTooltip(new javafx.scene.control.Tooltip("Against the baseline: non-zero weights → bytes written | nominal"
                + " operations → batch-1 latency. ⚠: measured differs from nominal; the row's tooltip says why."));
        column.setGraphic(header);
        column.setText(null);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(EvaluatedPoint point, boolean empty) {
                super.updateItem(point, empty);
                EvaluatedPoint baseline = empty || point == null ? null : getTableView().getItems().stream()
                        .filter(EvaluatedPoint::baseline).findFirst().orElse(null);
                if (baseline == null || point.baseline()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                Gains g = Gains.of(baseline, point);
                setText((g.differs() ? "\u26a0 " : "") + Gains.factor(g.nonZerosGain()) + "→"
                        + Gains.factor(g.sizeGain()) + " | " + Gains.factor(g.nominalComputeGain()) + "→"
                        + Gains.factor(g.latencyGain()));
                setTooltip(new javafx.scene.control.Tooltip(g.differs() ? g.cause()
                        : "The measured gains agree with the nominal ones (within 15%)."));
            }
        });
        return column;
    }

    private static Measurement m(EvaluatedPoint p) {
        return p.measurement();
    }

    private static String format(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static <T> TableColumn<EvaluatedPoint, T> column(String title, double width,
                                                 Function<EvaluatedPoint, T> value, Function<T, String> text) {
        return Columns.typed(title, width, value, text);
    }
}
