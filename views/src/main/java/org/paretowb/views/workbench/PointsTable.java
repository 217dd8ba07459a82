package org.paretowb.views.workbench;

import static org.paretowb.views.workbench.ColumnVisibility.showWhenUsed;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.FigureText;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.views.common.ColumnFit;
import org.paretowb.views.common.Columns;
import org.paretowb.views.common.TableItems;

/**
 * The columns of the history table: the recipe in short columns of its own (sparsity, channels removed, rank,
 * quantization, bits, int8 layers, student, fine-tuning), then the figures; typed values (so sorting is numeric),
 * formatted for reading; a knob's column shows once a point uses that knob. No column is ever narrower than its header, and the table scrolls sideways rather than
 * cut a cell; the "+" at the right of the header row chooses the columns shown. A row's tooltip gives its whole
 * recipe.
 */
final class PointsTable {
    /** Columns hidden until chosen (the figures most users read elsewhere). */
    private static final List<String> HIDDEN = List.of("Recipe", "Non-zeros", "Params", "MACs", "Img/s");
    private static final Font HEADER = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 13);
    /** Room around a header's text: padding, and the sort arrow. */
    private static final double HEADER_PADDING = 22;
    /** The key under which a column keeps how its cells read (for fitting its width to them). */
    static final String TEXT = "pointsTable.text";

    private PointsTable() {
    }

    static void configure(TableView<EvaluatedPoint> table) {
        TableColumn<EvaluatedPoint, String> engine = column("Engine", 100, EvaluatedPoint::engine, s -> s);
        TableColumn<EvaluatedPoint, String> int8 = column("int8 layers", 90, PointsTable::int8Layers, s -> s);
        TableColumn<EvaluatedPoint, String> student = column("Student", 70,
                p -> p.recipe().distillation().active() ? p.recipe().distillation().student() : "", s -> s);
        TableColumn<EvaluatedPoint, Integer> tuned = column("Tuned", 50, p -> p.recipe().fineTune().epochs(),
                n -> n == 0 ? "" : n + (n == 1 ? " ep." : " ep."));
        TableColumn<EvaluatedPoint, String> origin = OriginColumn.decorate(column("Session", 60, OriginColumn::of,
                s -> s));
        TableColumn<EvaluatedPoint, String> name = column("Name", 120, EvaluatedPoint::name, s -> s == null ? "" : s);
        TableColumn<EvaluatedPoint, Double> sparsity = percentColumn("Sparsity %", p -> p.recipe().pruning().sparsity(), 0);
        TableColumn<EvaluatedPoint, Double> channels = percentColumn("Channels −%", p -> p.recipe().structured().ratio(), 0);
        TableColumn<EvaluatedPoint, Double> rank = percentColumn("Rank %", p -> p.recipe().lowRank().fraction(), 1);
        TableColumn<EvaluatedPoint, String> quant = column("Quant", 62, p -> quantization(p.recipe()), s -> s);
        TableColumn<EvaluatedPoint, Integer> bits = column("Bits", 40, p -> p.recipe().quantization().active()
                ? p.recipe().quantization().bits() : 32, b -> b == 32 ? "" : String.valueOf(b));
        table.getColumns().setAll(List.of(
                column("#", 48, EvaluatedPoint::id, id -> "#" + id),
                origin,
                name,
                sparsity,
                channels,
                rank,
                quant,
                bits,
                int8,
                student,
                tuned,
                column("Top-1 %", 62, p -> new Figure(m(p).accuracy(), FigureText.accuracyCell(m(p))), Figure::text),
                column("p50 ms", 62, p -> new Figure(m(p).latencyP50Ms(), FigureText.latencyCell(m(p))), Figure::text),
                column("p95 ms", 62, p -> m(p).latencyP95Ms(), v -> format("%.3f", v)),
                column("Size (B)", 84, p -> m(p).sizeBytes(), v -> format("%,d", v)),
                column("Images", 96, p -> new Images(m(p).samples(), p.subset()), Images::toString),
                GainsColumn.create(table),
                column("Recipe", 260, p -> p.recipe().summary(), s -> s),
                column("Non-zeros", 84, p -> m(p).nonZeros(), v -> format("%,d", v)),
                column("Params", 80, p -> m(p).parameters(), v -> format("%,d", v)),
                column("MACs", 90, p -> m(p).macs(), v -> format("%,d", v)),
                column("Img/s", 72, p -> m(p).throughput(), v -> format("%,.0f", v)),
                engine));
        for (TableColumn<EvaluatedPoint, ?> c : table.getColumns()) {
            fitHeader(c);
            c.setVisible(!HIDDEN.contains(c.getText()));
        }
        showWhenUsed(table, engine, items -> items.stream().map(EvaluatedPoint::engine).distinct().count() > 1);
        showWhenUsed(table, int8, items -> items.stream().anyMatch(p -> p.recipe().quantization().mode()
                == QuantizationSettings.Mode.STATIC));
        showWhenUsed(table, student, items -> items.stream().anyMatch(p -> p.recipe().distillation().active()));
        showWhenUsed(table, tuned, items -> items.stream().anyMatch(p -> p.recipe().fineTune().active()));
        showWhenUsed(table, origin, items -> items.stream().anyMatch(OriginColumn::otherSession));
        showWhenUsed(table, name, items -> items.stream().anyMatch(p -> p.name() != null && !p.name().isBlank()));
        showWhenUsed(table, sparsity, items -> items.stream().anyMatch(p -> p.recipe().pruning().active()));
        showWhenUsed(table, channels, items -> items.stream().anyMatch(p -> p.recipe().structured().active()));
        showWhenUsed(table, rank, items -> items.stream().anyMatch(p -> p.recipe().lowRank().active()));
        showWhenUsed(table, quant, items -> items.stream().anyMatch(p -> p.recipe().quantization().active()));
        showWhenUsed(table, bits, items -> items.stream().anyMatch(p -> p.recipe().quantization().active()));
        fitContents(table);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EvaluatedPoint point, boolean empty) {
                super.updateItem(point, empty);
                getStyleClass().remove(OriginColumn.STYLE);
                if (point != null && !empty && OriginColumn.otherSession(point)) {
                    getStyleClass().add(OriginColumn.STYLE);
                }
                setTooltip(empty || point == null ? null : new Tooltip("#" + point.id() + " " + point.title()
                        + (point.name() == null || point.name().isBlank() ? "" : "\n" + point.recipe().summary())
                        + (OriginColumn.otherSession(point) ? "\n" + OriginColumn.explain(point) : "")));
            }
        });
        table.setPlaceholder(new Label("No points yet: the baseline is being measured."));
    }

    /**
     * Each column as wide as its widest cell (and its header), recomputed when the rows change, so no cell is cut to
     * "conv1, conv2…": the table scrolls sideways instead.
     */
    private static void fitContents(TableView<EvaluatedPoint> table) {
        javafx.beans.InvalidationListener fit = o -> {
            for (TableColumn<EvaluatedPoint, ?> column : table.getColumns()) {
                @SuppressWarnings("unchecked")
                Function<EvaluatedPoint, String> text = (Function<EvaluatedPoint, String>) column.getProperties().get(TEXT);
                if (text == null || table.getItems() == null) {
                    continue;
                }
                double widest = column.getMinWidth();
                for (EvaluatedPoint p : table.getItems()) {
                    String value = text.apply(p);
                    widest = Math.max(widest, ColumnFit.cellWidth(value == null ? "" : value));
                }
                column.setPrefWidth(Math.ceil(widest));
            }
        };
        TableItems.follow(table, fit);
    }

    /** No narrower than its header: a header is never cut to "Top-1…". */
    private static void fitHeader(TableColumn<EvaluatedPoint, ?> column) {
        Text text = new Text(column.getText());
        text.setFont(HEADER);
        double need = Math.ceil(text.getLayoutBounds().getWidth() + HEADER_PADDING);
        column.setMinWidth(need);
        column.setPrefWidth(Math.max(column.getPrefWidth(), need));
    }

    /** A knob's value as a percent column: the exact value (49.9), blank where it is at {@code off}. */
    private static TableColumn<EvaluatedPoint, Double> percentColumn(String title, Function<EvaluatedPoint, Double> of,
                                                                   double off) {
        TableColumn<EvaluatedPoint, Double> c = column(title, 60, of, v -> v == off ? "" : Recipe.percent(v));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static String quantization(Recipe recipe) {
        return switch (recipe.quantization().mode()) {
            case OFF -> "";
            case WEIGHT -> "weights";
            case DYNAMIC -> "dynamic";
            case STATIC -> "static";
        };
    }

    /** The layers that ran on int8 kernels (static int8): what "where it pays" chose, or the layers listed. */
    static String int8Layers(EvaluatedPoint p) {
        if (p.recipe().quantization().mode() != QuantizationSettings.Mode.STATIC) {
            return "";
        }
        List<String> layers = p.measurement().how().int8Layers();
        return layers.isEmpty() ? "none" : String.join(", ", layers);
    }

    private static Measurement m(EvaluatedPoint p) {
        return p.measurement();
    }

    private static String format(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static <T> TableColumn<EvaluatedPoint, T> column(String title, double width,
                                                 Function<EvaluatedPoint, T> value, Function<T, String> text) {
        TableColumn<EvaluatedPoint, T> column = Columns.typed(title, width, value, text);
        column.getProperties().put(TEXT, (Function<EvaluatedPoint, String>) p -> {
            T v = value.apply(p);
            return v == null ? "" : text.apply(v);
        });
        return column;
    }
}
