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
import org.paretowb.models.measure.FigureText;
import org.paretowb.services.evaluate.SessionInfo;
import org.paretowb.models.measure.Gains;
import org.paretowb.models.measure.Measurement;

/** The columns of the history table: typed values (so sorting is numeric), formatted for reading. */
final class PointsTable {
    private PointsTable() {
    }

    static void configure(TableView<EvaluatedPoint> table) {
        TableColumn<EvaluatedPoint, String> engine = column("Engine", 100, EvaluatedPoint::engine, s -> s);
        TableColumn<EvaluatedPoint, String> int8 = column("int8 layers", 100, PointsTable::int8Layers, s -> s);
        table.getColumns().setAll(
                column("#", 45, EvaluatedPoint::id, id -> "#" + id),
                column("Recipe", 230, EvaluatedPoint::title, s -> s),
                column("Top-1 (%)", 75, p -> new Figure(m(p).accuracy(), FigureText.accuracyCell(m(p))), Figure::text),
                column("p50 (ms)", 75, p -> new Figure(m(p).latencyP50Ms(), FigureText.latencyCell(m(p))),
                        Figure::text),
                column("p95 (ms)", 75, p -> m(p).latencyP95Ms(), v -> format("%.3f", v)),
                column("Size (bytes)", 100, p -> m(p).sizeBytes(), v -> format("%,d", v)),
                column("Non-zeros", 90, p -> m(p).nonZeros(), v -> format("%,d", v)),
                column("Params", 80, p -> m(p).parameters(), v -> format("%,d", v)),
                column("MACs", 90, p -> m(p).macs(), v -> format("%,d", v)),
                column("Img/s b64", 80, p -> m(p).throughput(), v -> format("%,.0f", v)),
                column("Images", 95, p -> new Images(m(p).samples(), p.subset()), Images::toString),
                engine,
                int8,
                gains());
        showWhenUsed(table, engine, int8);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No points yet: the baseline is being measured."));
    }

    /**
     * The table is full at the window's width: the engine column shows only once points of more than one
     * engine are listed, and the int8 layers column once a point ran static int8.
     */
    private static void showWhenUsed(TableView<EvaluatedPoint> table, TableColumn<EvaluatedPoint, String> engine,
                                     TableColumn<EvaluatedPoint, String> int8) {
        javafx.beans.InvalidationListener update = o -> {
            java.util.List<EvaluatedPoint> items = table.getItems() == null ? java.util.List.of() : table.getItems();
            engine.setVisible(items.stream().map(EvaluatedPoint::engine).distinct().count() > 1);
            int8.setVisible(items.stream().anyMatch(p -> p.recipe().quantization().mode()
                    == org.paretowb.models.recipe.QuantizationSettings.Mode.STATIC));
        };
        // an invalidation listener: a change listener misses a new empty list replacing an empty one (equal lists)
        java.util.List<javafx.collections.ObservableList<EvaluatedPoint>> watched = new java.util.ArrayList<>();
        javafx.beans.InvalidationListener follow = o -> {
            watched.forEach(list -> list.removeListener(update));
            watched.clear();
            if (table.getItems() != null) {
                table.getItems().addListener(update);
                watched.add(table.getItems());
            }
            update.invalidated(null);
        };
        table.itemsProperty().addListener(follow);
        follow.invalidated(null);
    }

    /**
     * Nominal against measured gains over the baseline: non-zeros against bytes written, nominal compute
     * against batch-1 latency; marked with ⚠ and the cause in the tooltip when they differ.
     */
    private static TableColumn<EvaluatedPoint, EvaluatedPoint> gains() {
        TableColumn<EvaluatedPoint, EvaluatedPoint> column = new TableColumn<>("Size | speed gain");
        column.setPrefWidth(170);
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
                        .filter(p -> p.baseline() && p.engine().equals(point.engine()))
                        .max(java.util.Comparator.comparing((EvaluatedPoint p) -> SessionInfo.current().id()
                                .equals(p.measurement().how().session()))).orElse(null); // this session's first
                if (baseline == null || point.baseline()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(gainsText(baseline, point));
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(gainsTooltip(baseline, point));
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                setTooltip(tip);
            }
        });
        return column;
    }

    /**
     * "1.43x→1.37x | 1.43x→no measurable difference": nominal against measured, the latency as the claim its
     * intervals support; ⚠ first when measured and nominal differ.
     */
    static String gainsText(EvaluatedPoint baseline, EvaluatedPoint point) {
        Gains g = Gains.of(baseline, point);
        return (g.differs() ? "\u26a0 " : "") + Gains.factor(g.nonZerosGain()) + "→" + Gains.factor(g.sizeGain())
                + " | " + Gains.factor(g.nominalComputeGain()) + "→" + g.latency().text();
    }

    /** The point's figures with their intervals, its latency against the baseline, and why nominal and measured differ. */
    static String gainsTooltip(EvaluatedPoint baseline, EvaluatedPoint point) {
        Gains g = Gains.of(baseline, point);
        SessionInfo session = SessionInfo.current();
        return FigureText.tooltip(point, baseline, session.id(), session.machine()) + "\n"
                + (g.differs() ? "Nominal and measured differ: " + g.cause()
                : "The measured gains agree with the nominal ones (within 15%).");
    }

    /** A figure sorted by its value and shown with its interval. */
    record Figure(double value, String text) implements Comparable<Figure> {
        @Override
        public int compareTo(Figure other) {
            return Double.compare(value, other.value);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The layers that ran on int8 kernels (static int8): what "where it pays" chose, or the layers listed. */
    static String int8Layers(EvaluatedPoint p) {
        if (p.recipe().quantization().mode() != org.paretowb.models.recipe.QuantizationSettings.Mode.STATIC) {
            return "";
        }
        java.util.List<String> layers = p.measurement().how().int8Layers();
        return layers.isEmpty() ? "none" : String.join(", ", layers);
    }

    /** How many images a point was measured on, and whether they are a live subset or the full set. */
    record Images(int count, boolean subset) implements Comparable<Images> {
        @Override
        public int compareTo(Images other) {
            return count != other.count ? Integer.compare(count, other.count) : Boolean.compare(other.subset, subset);
        }

        @Override
        public String toString() {
            return format("%,d", count) + (subset ? " subset" : " full");
        }
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
