package org.paretowb.views.workbench;

import java.nio.file.Path;
import java.util.List;
import org.paretowb.models.measure.EvaluatedPoint;

/** What a workspace holds for the window's inputs, read once on the workspace thread. */
record WorkspaceContents(List<EvaluatedPoint> points, int others, Path file) {
    static WorkspaceContents of(WorkspaceSession session) {
        return new WorkspaceContents(session.points(), session.otherPoints(), session.file());
    }
}
