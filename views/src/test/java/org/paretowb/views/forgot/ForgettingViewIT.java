package org.paretowb.views.forgot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The forgetting view on hand-made points: 30 images in 3 classes, flips placed by hand. */
@ExtendWith(ApplicationExtension.class)
class ForgettingViewIT {
    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover");
    private static final LabeledImages IMAGES = images();

    private ForgettingView view;

    private static LabeledImages images() {
        byte[] pixels = new byte[30 * 28 * 28];
        byte[] labels = new byte[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = (byte) (i % 3);
            for (int p = 0; p < 28 * (i + 1) && p < 784; p++) {
                pixels[i * 784 + p] = (byte) 200;
            }
        }
        return new LabeledImages("hand-made", pixels, labels, 28, 28);
    }

    /** Right everywhere except on {@code wrong}, where it says the next class; on the first {@code samples} images. */
    private static EvaluatedPoint point(int id, double sparsity, int samples, int... wrong) {
        byte[] predictions = new byte[samples];
        for (int i = 0; i < samples; i++) {
            predictions[i] = (byte) IMAGES.label(i);
        }
        for (int i : wrong) {
            predictions[i] = (byte) ((IMAGES.label(i) + 1) % 3);
        }
        String set = samples == 30 ? "hand-made" : "hand-made (first " + samples + ")";
        Provenance how = Provenance.builder().engine("test", 1, 1).images(set, samples < 30).latencyRuns(0, 1)
                .throughputBatch(64).kernels("fp32", true).sizeFormat("none").build();
        return new EvaluatedPoint(id, Recipe.builder().pruning(new PruningSettings(sparsity)).build(),
                Measurement.builder()
                .accuracy(0.9, 0.99, new double[3]).latency(1, 1).sizeBytes(100).counts(100, 100, 100).throughput(100)
                .predictions(predictions).network("net").how(how).build());
    }

    private static final EvaluatedPoint BASELINE = point(1, 0, 30, 0, 1, 2);
    /** Lost: 3, 4, 6, 9 (classes 0, 1, 0, 0). Gained: 0, 2. */
    private static final EvaluatedPoint PRUNED = point(2, 0.9, 30, 1, 3, 4, 6, 9);

    @Start
    void start(Stage stage) {
        view = new ForgettingView(new ForgettingViewModel(CLASSES, 3));
        stage.setScene(new Scene(view.root(), 1000, 600));
        stage.show();
    }

    @Test
    void theCountsAndTheTilesShownAreThoseOfThePoint(FxRobot robot) {
        robot.interact(() -> view.show(BASELINE, PRUNED, IMAGES));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("4 lost", robot.lookup("#lostCount").queryAs(Label.class).getText());
        assertEquals("2 gained", robot.lookup("#gainedCount").queryAs(Label.class).getText());
        assertEquals("of 30 images compared", robot.lookup("#comparedCount").queryAs(Label.class).getText());
        assertEquals(3, robot.lookup("#lostImages").queryAs(TilePane.class).getChildren().size(), "capped at 3");
        assertEquals(2, robot.lookup("#gainedImages").queryAs(TilePane.class).getChildren().size());
        assertEquals("Lost: right before, wrong after: 4 images (3 shown)",
                robot.lookup("#lostHeading").queryAs(Label.class).getText());
        assertEquals("Gained: wrong before, right after: 2 images",
                robot.lookup("#gainedHeading").queryAs(Label.class).getText());
        assertEquals("Both measured on the same 30 images.", robot.lookup("#forgettingNote").queryAs(Label.class).getText());
    }

    @Test
    void eachTileNamesTheTrueClassAndBothPredictions(FxRobot robot) {
        robot.interact(() -> view.show(BASELINE, PRUNED, IMAGES));
        WaitForAsyncUtils.waitForFxEvents();

        Label first = (Label) robot.lookup("#lostImages").queryAs(TilePane.class).getChildren().get(0);
        assertEquals("Image 3, a T-shirt/top: the baseline said T-shirt/top, this point says Trouser",
                first.getTooltip().getText());
        assertEquals("T-shirt/top\nnow Trouser", first.getText());
    }

    @Test
    void theBarsAreThePerClassChangesInPoints(FxRobot robot) {
        robot.interact(() -> view.show(BASELINE, PRUNED, IMAGES));
        WaitForAsyncUtils.waitForFxEvents();

        // class 0: right before on 9 of 10 (image 0 wrong), after on 7 (3, 6, 9 wrong; 0 gained): -20 points
        assertEquals(3, view.chart().deltas().getColumnCount());
        assertEquals(-20.0, view.chart().deltas().getValue(0, 0).doubleValue(), 1e-9);
        assertTrue(view.chart().deltas().getValue(0, 2).doubleValue() > 0, "class 2 gained image 2");
    }

    @Test
    void pointsOnDifferentImagesAreSaidToBe(FxRobot robot) {
        EvaluatedPoint onSubset = point(3, 0.5, 12, 4);

        robot.interact(() -> view.show(BASELINE, onSubset, IMAGES));
        WaitForAsyncUtils.waitForFxEvents();

        String note = robot.lookup("#forgettingNote").queryAs(Label.class).getText();
        assertTrue(note.startsWith("Not measured on the same images: the baseline on 30, this point on 12."), note);
        assertFalse(view.model().sameImagesProperty().get());
        assertEquals("of 12 images compared", robot.lookup("#comparedCount").queryAs(Label.class).getText());
        assertEquals(1, robot.lookup("#lostImages").queryAs(TilePane.class).getChildren().size());
    }
}
