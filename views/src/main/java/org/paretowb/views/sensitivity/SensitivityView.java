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
import org.paretowb.models.measure.SensitivityCurve;

/** The sensitivity tab: run and cancel buttons, a progress bar, and accuracy against sparsity per layer. */
public final class SensitivityView {
    private final VBox root = new VBox(8);
    private final SensitivityChart chart = new SensitivityChart();

    public SensitivityView(SensitivityViewModel model) {
        Button run = new Button("_Run sensitivity analysis");
        run.setId("runSensitivity");
        run.setMnemonicParsing(true);
        run.setTooltip(new Tooltip("Prune each dense and convolution layer alone at 10% … 90% and measure accuracy on"
                + " the live subset: the layers whose curve stays flat can take more pruning."));
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSensitivity");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("sensitivityProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(180);
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, run, cancel, progress, status);
        bar.setStyle("-fx-alignment: center-left;");
        StackPane chartPane = new StackPane(new ChartViewer(chart.chart()));
        chartPane.setId("sensitivityChart");
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        model.curves().addListener((ListChangeListener<SensitivityCurve>) c -> chart.show(model.curves()));
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
