package org.paretowb.views.workbench;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.FigureText;
import org.paretowb.models.measure.Gains;
import org.paretowb.services.evaluate.SessionInfo;

/**
 * The points table's "Size | speed gain" column: each point's measured gains over its baseline, in plain words,
 * with the nominal gains and the cause of any difference in the tooltip.
 */
final class GainsColumn {
    private GainsColumn() {
    }

    /**
     * The measured gains over the baseline (bytes written, batch-1 latency as the claim its intervals support);
     * marked with ⚠ when they differ from the nominal ones, which the tooltip gives with the cause.
     */
    static TableColumn<EvaluatedPoint, EvaluatedPoint> create(TableView<EvaluatedPoint> table) {
        TableColumn<EvaluatedPoint, EvaluatedPoint> column = new TableColumn<>("Size | speed gain");
        column.setPrefWidth(150);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.getProperties().put(PointsTable.TEXT, (Function<EvaluatedPoint, String>) p -> gainsText(p,
                table.getItems() == null ? List.of() : table.getItems()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(EvaluatedPoint point, boolean empty) {
                super.updateItem(point, empty);
                EvaluatedPoint baseline = empty || point == null ? null : baselineOf(point, getTableView().getItems());
                if (baseline == null || point.baseline()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(gainsText(baseline, point));
                Tooltip tip = new Tooltip(gainsTooltip(baseline, point));
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                setTooltip(tip);
            }
        });
        return column;
    }

    /** The baseline a point's gains are against: of its engine, this session's first where there is one. */
    private static EvaluatedPoint baselineOf(EvaluatedPoint point, List<EvaluatedPoint> items) {
        return items.stream().filter(p -> p.baseline() && p.engine().equals(point.engine()))
                .max(java.util.Comparator.comparing((EvaluatedPoint p) -> SessionInfo.current().id()
                        .equals(p.measurement().how().session()))).orElse(null);
    }

    /** The gains cell's text of {@code point} among {@code items} ("" for a baseline or without one). */
    private static String gainsText(EvaluatedPoint point, List<EvaluatedPoint> items) {
        EvaluatedPoint baseline = baselineOf(point, items);
        return baseline == null || point.baseline() ? "" : gainsText(baseline, point);
    }

    /**
     * The measured gains in plain words, "1.37x | no measurable difference" or "1.37x | 1.35x faster": the size
     * against {@code baseline} (this session's where there is one), the latency as the claim its intervals support;
     * ⚠ first when measured and nominal differ. The nominal figures, the cause of a difference and where the point
     * was measured are in the tooltip.
     */
    static String gainsText(EvaluatedPoint baseline, EvaluatedPoint point) {
        Gains g = Gains.of(baseline, point);
        return (g.differs() ? "\u26a0 " : "") + Gains.factor(g.sizeGain()) + " | " + g.latency().text();
    }

    /**
     * What the cell rests on: which baseline, whether the point is from an earlier session, the nominal gains beside
     * the measured ones and why they differ, then the point's figures with their intervals.
     */
    static String gainsTooltip(EvaluatedPoint baseline, EvaluatedPoint point) {
        Gains g = Gains.of(baseline, point);
        SessionInfo session = SessionInfo.current();
        List<String> lines = new java.util.ArrayList<>();
        String pointSession = point.measurement().how().session();
        boolean earlier = !pointSession.isEmpty() && !pointSession.equals(session.id());
        boolean baselineHere = session.id().equals(baseline.measurement().how().session());
        if (earlier) {
            lines.add("From an earlier session (" + pointSession + "): its size is compared with "
                    + (baselineHere ? "this session's" : "the") + " baseline #" + baseline.id() + "; its latency "
                    + (g.latency().kind() == org.paretowb.models.measure.LatencyComparison.Kind.NOT_COMPARABLE
                    ? "is not compared" : "with " + g.latency().basis() + ", in its session") + ".");
        }
        lines.add("Size: " + (!(g.sizeGain() < 1) ? Gains.factor(g.sizeGain()) + " smaller"
                : Gains.factor(1 / g.sizeGain()) + " larger") + " file than baseline #" + baseline.id()
                + " (nominally " + Gains.factor(g.nonZerosGain()) + ": fewer non-zero weights).");
        lines.add("Speed: " + g.latency().text() + " (nominally " + Gains.factor(g.nominalComputeGain())
                + ": less compute).");
        lines.add(g.differs() ? "\u26a0 Nominal and measured differ: " + g.cause()
                : "The measured gains agree with the nominal ones (within 15%).");
        return String.join("\n", lines) + "\n\n"
                + FigureText.tooltip(point, baseline, session.id(), session.machine());
    }
}
