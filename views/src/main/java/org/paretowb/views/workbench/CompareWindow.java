package org.paretowb.views.workbench;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.views.compare.CompareView;

/** Point › Compare two points: the two selected points side by side in a window of their own. */
final class CompareWindow {
    /** Room for every row of the comparison, its long values wrapped (the main window is 1360x860). */
    private static final double WIDTH = 1100;
    private static final double HEIGHT = 760;

    private CompareWindow() {
    }

    /** Opens the comparison of {@code two} (the lower id is A) over {@code owner}, styled as it is. */
    static void open(List<EvaluatedPoint> two, Scene owner) {
        EvaluatedPoint a = two.get(0).id() < two.get(1).id() ? two.get(0) : two.get(1);
        EvaluatedPoint b = a == two.get(0) ? two.get(1) : two.get(0);
        Stage stage = new Stage();
        Scene scene = new Scene(new CompareView(a, b).root(), WIDTH, HEIGHT);
        scene.getStylesheets().addAll(owner.getRoot().getStylesheets());
        stage.setScene(scene);
        stage.setTitle("Compare #" + a.id() + " and #" + b.id());
        stage.initOwner(owner.getWindow());
        stage.show();
    }
}
