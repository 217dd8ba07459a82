package org.paretowb.views.workbench;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.FigureText;
import org.paretowb.services.evaluate.SessionInfo;

/**
 * The history table's "Session" column: "this" for a point measured since the window opened, "earlier" for one of
 * another session on this machine (a workspace reopened), "other machine" for one measured elsewhere, each with a
 * tooltip that says why its latency is not compared with this session's baseline. Another session's row reads
 * grey, like its marker on the charts.
 */
final class OriginColumn {
    static final String THIS = "this";
    static final String EARLIER = "earlier";
    static final String OTHER_MACHINE = "other machine";
    /** The style class of a row (and a cell) measured in another session. */
    static final String STYLE = "other-session";

    private OriginColumn() {
    }

    /** "this", "earlier" or "other machine": where {@code p} was measured, against this process's session. */
    static String of(EvaluatedPoint p) {
        SessionInfo now = SessionInfo.current();
        var how = p.measurement().how();
        if (!how.session().isEmpty() && how.session().equals(now.id())) {
            return THIS;
        }
        return how.session().isEmpty() || how.machine().equals(now.machine()) ? EARLIER : OTHER_MACHINE;
    }

    /** Whether {@code p} was measured in another session than this window's. */
    static boolean otherSession(EvaluatedPoint p) {
        return !THIS.equals(of(p));
    }

    /** The tooltip of a point of another session ("" for this session's). */
    static String explain(EvaluatedPoint p) {
        SessionInfo now = SessionInfo.current();
        String origin = FigureText.origin(p.measurement().how(), now.id(), now.machine());
        return origin.isEmpty() ? "" : Character.toUpperCase(origin.charAt(0)) + origin.substring(1) + ".";
    }

    /** Gives {@code column} (of {@link #of} texts) its tooltips and grey cells. */
    static TableColumn<EvaluatedPoint, String> decorate(TableColumn<EvaluatedPoint, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().remove(STYLE);
                EvaluatedPoint p = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (p == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text);
                if (otherSession(p)) {
                    getStyleClass().add(STYLE);
                    Tooltip tip = new Tooltip(explain(p));
                    tip.setWrapText(true);
                    tip.setMaxWidth(480);
                    setTooltip(tip);
                } else {
                    setTooltip(new Tooltip("Measured in this session (since the window opened), on this machine"));
                }
            }
        });
        return column;
    }
}
