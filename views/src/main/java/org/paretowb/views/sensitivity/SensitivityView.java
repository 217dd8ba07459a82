package org.paretowb.views.sensitivity;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.paretowb.charts.SensitivityChart;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;

/**
 * The sensitivity tab: a technique selector, run and cancel buttons, a progress bar, and accuracy against the
 * technique's setting per layer.
 */
public final class SensitivityView {
    private final VBox root = new VBox(8);
    private final SensitivityChart chart = new SensitivityChart();

    public SensitivityView(SensitivityViewModel model) {
        Button run = new Button("_Run sensitivity analysis");
        run.setId("runSensitivity");
        run.setMnemonicParsing(true);
        run.setTooltip(new Tooltip("Apply the chosen technique to each dense and convolution layer alone, at each of its"
                + " settings, and measure accuracy on the live subset: the layers whose curve stays flat can take more."));
        ChoiceBox<SensitivityTechnique> technique = new ChoiceBox<>(FXCollections.observableArrayList(
                SensitivityTechnique.values()));
        technique.setId("sensitivityTechnique");
        technique.setConverter(new StringConverter<>() {
            @Override
            public String toString(SensitivityTechnique t) {
                return t == null ? "" : t.title();
            }

            @Override
            public SensitivityTechnique fromString(String text) {
                return null;
            }
        });
        technique.valueProperty().bindBidirectional(model.techniqueProperty());
        technique.disableProperty().bind(model.busyProperty());
        technique.setTooltip(new Tooltip("Unstructured pruning: 10% to 90% of the layer's weights. Weight bits: 8, 4, 2."
                + " Low-rank: 75% to 10% of its weights kept. Channels removed: 25% to 75% of a group of tied layers'"
                + " channels (cost: network MACs). int8 kernels: the layer alone on real int8 kernels of ONNX Runtime"
                + " (cost: its batch-1 kernel time). Each technique's curves stay until the inputs change."));
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSensitivity");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        technique.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("sensitivityProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(180);
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, technique, run, cancel, progress, status);
        bar.setStyle("-fx-alignment: center-left;");
        StackPane chartPane = new StackPane(new ChartViewer(chart.chart()));
        chartPane.setId("sensitivityChart");
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        model.curves().addListener((ListChangeListener<LayerSensitivity>) c -> chart.show(model.techniqueProperty().get(),
                model.curves(), model.imagesShown()));
        root.getChildren().addAll(bar, chartPane);
        root.setPadding(new Insets(10));
    }

    /** The chart as drawn, for tests. */
    public SensitivityChart chart() {
        return chart;
    }

    public Parent root() {
        return root;
    }
}
