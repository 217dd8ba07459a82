package org.paretowb.views.training;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import org.paretowb.models.recipe.FineTuneSettings;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.paretowb.charts.TrainingCurveChart;

/**
 * The training tab: the student's settings and Distil, the fine-tuning epochs and Fine-tune, Cancel, a
 * progress bar and the live training curve.
 */
public final class TrainingJobView {
    private final VBox root = new VBox(10);
    private final TrainingCurveChart chart = new TrainingCurveChart();
    private javafx.beans.property.ObjectProperty<Integer> epochsValue; // held: a bidirectional binding is weak
    private javafx.beans.property.ObjectProperty<Integer> fineTuneValue;

    public TrainingJobView(TrainingJobViewModel model) {
        ChoiceBox<String> student = new ChoiceBox<>();
        student.setId("student");
        student.getItems().setAll("mlp:32", "mlp:64", "mlp:128", "mlp:256,128", "cnn:8,16");
        student.valueProperty().bindBidirectional(model.studentProperty());
        student.setTooltip(new Tooltip("The student: dense widths for an MLP (mlp:64 is 784-64-10), channel widths"
                + " for a CNN (cnn:8,16)."));
        Spinner<Integer> epochs = new Spinner<>(1, 100, model.epochsProperty().get());
        epochs.setId("distillEpochs");
        epochs.setEditable(true);
        epochs.getValueFactory().valueProperty().bindBidirectional(epochsValue = model.epochsProperty().asObject());
        epochs.setTooltip(new Tooltip("Epochs of student training over the training set."));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label("Student"), student);
        form.addRow(1, label("Temperature"), number("temperature", model.temperatureProperty(),
                "Softens the teacher's and the student's outputs (T); 2 to 4 usually work best.", 0.5, 20));
        form.addRow(2, label("Alpha"), number("alpha", model.alphaProperty(),
                "Weight of the teacher's soft targets; 1 − alpha goes to the labels.", 0, 1));
        form.addRow(3, label("Epochs"), epochs);
        form.addRow(4, label("Learning rate"), number("distillLr", model.learningRateProperty(),
                "Adam's learning rate, decayed by cosine; 0.01 trains a small student fully in 10 epochs.", 1e-5, 1));

        Button start = new Button("_Distil");
        start.setId("distil");
        start.setMnemonicParsing(true);
        start.setTooltip(new Tooltip("Train the student, apply the other knobs to it, measure it and add its point."));
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.busyProperty());
        Spinner<Integer> fineTuneEpochs = new Spinner<>(1, 50, model.fineTuneEpochsProperty().get());
        fineTuneEpochs.setId("fineTuneEpochs");
        fineTuneEpochs.setEditable(true);
        fineTuneEpochs.getValueFactory().valueProperty().bindBidirectional(
                fineTuneValue = model.fineTuneEpochsProperty().asObject());
        fineTuneEpochs.setTooltip(new Tooltip("Epochs of training after the knobs' compression, pruned weights held at"
                + " zero (learning rate decayed by cosine, batch 128)."));
        form.addRow(5, label("Fine-tune epochs"), fineTuneEpochs);
        ChoiceBox<FineTuneSettings.Optimizer> optimizer = new ChoiceBox<>();
        optimizer.setId("fineTuneOptimizer");
        optimizer.getItems().setAll(FineTuneSettings.Optimizer.values());
        optimizer.valueProperty().bindBidirectional(model.fineTuneOptimizerProperty());
        optimizer.setTooltip(new Tooltip("Adam, or SGD with momentum 0.9 (give SGD a larger rate, such as 0.01)."));
        form.addRow(6, label("Fine-tune optimizer"), optimizer);
        form.addRow(7, label("Fine-tune rate"), number("fineTuneLr", model.fineTuneRateProperty(),
                "Fine-tuning's learning rate, decayed by cosine to a hundredth.", 1e-6, 0.5));
        form.addRow(8, label("Fine-tune L1"), number("fineTuneL1", model.fineTuneL1Property(),
                "Weight of the L1 norm of the dense and convolution weights added to the loss (0: none); it pushes"
                        + " small weights to zero, which helps pruning.", 0, 0.01));
        TextField remove = new TextField();
        remove.setId("removeLayers");
        remove.setPrefColumnCount(8);
        remove.textProperty().bindBidirectional(model.removeLayersProperty());
        remove.setPromptText("none");
        remove.setTooltip(new Tooltip("Remove whole layers before fine-tuning: a number N takes out the N least"
                + " sensitive (measured on training images), or names such as fc2 or conv2 (a dense layer with its"
                + " activation, a convolution with its norm and activation; a residual block by its join)."));
        form.addRow(9, label("Remove layers"), remove);
        Button fineTune = new Button("_Fine-tune");
        fineTune.setId("fineTune");
        fineTune.setMnemonicParsing(true);
        fineTune.setTooltip(new Tooltip("Apply the knobs' recipe, fine-tune it for the set epochs, measure it and add"
                + " its point."));
        fineTune.setOnAction(e -> model.startFineTuning());
        fineTune.disableProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDistil");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        for (Button b : new Button[] {start, fineTune, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        ProgressBar progress = new ProgressBar();
        progress.setId("distilProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(200);
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, start, fineTune, cancel, progress, status);
        bar.setStyle("-fx-alignment: center-left;");

        Runnable redraw = () -> {
            chart.chart().setNotify(false); // one redraw for the whole curve, not one per reading
            chart.start(model.epochsProperty().get()); // the epoch axis spans the whole job from its start
            model.curve().forEach(e -> chart.add(e.epoch(), e.loss(), e.accuracy()));
            model.validation().forEach(v -> chart.addValidation(v.epoch(), v.accuracy()));
            chart.chart().setNotify(true);
        };
        // one redraw for a burst of readings: each redraw draws the whole curve again, and readings come every few batches
        boolean[] pending = new boolean[1];
        Runnable later = () -> {
            if (!pending[0]) {
                pending[0] = true;
                javafx.application.Platform.runLater(() -> {
                    pending[0] = false;
                    redraw.run();
                });
            }
        };
        model.curve().addListener((ListChangeListener<TrainingJobViewModel.Epoch>) c -> later.run());
        model.validation().addListener((ListChangeListener<TrainingJobViewModel.Validation>) c -> later.run());
        StackPane chartPane = new StackPane(new ChartViewer(chart.chart()));
        chartPane.setId("trainingCurve");
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        Label hint = new Label("Distil: the loaded model is the teacher; the student is trained on the training set,"
                + " then the other knobs are applied to it. Fine-tune: the knobs' recipe, then training with pruned"
                + " weights held at zero. Either way the result is measured like any point.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        form.setMinWidth(Region.USE_PREF_SIZE);
        student.setMinWidth(Region.USE_PREF_SIZE);
        epochs.setPrefWidth(90);
        fineTuneEpochs.setPrefWidth(90);
        root.getChildren().addAll(new HBox(24, form, hint), bar, chartPane);
        root.setPadding(new Insets(10));
    }

    /** A field for a number in [min, max]; Enter or leaving the field applies it, a bad value is put back. */
    private static TextField number(String id, DoubleProperty value, String tip, double min, double max) {
        TextField field = new TextField(format(value.get()));
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip(tip));
        DoubleConsumer set = v -> value.set(v);
        Runnable apply = () -> {
            try {
                double v = Double.parseDouble(field.getText().trim().replace(',', '.'));
                if (v < min || v > max) {
                    throw new NumberFormatException();
                }
                set.accept(v);
            } catch (NumberFormatException e) {
                field.setText(format(value.get()));
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** The curve as drawn, for tests. */
    public TrainingCurveChart chart() {
        return chart;
    }

    public Parent root() {
        return root;
    }
}
