package org.paretowb.views.workbench;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.paretowb.charts.CostAxis;
import org.paretowb.charts.ParetoChart;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.StructuredPruningSettings;

/** Binds the main window's controls to its view model and forwards user actions. No computation here. */
public final class WorkbenchController {
    private final WorkbenchViewModel model;
    private final ParetoChart latencyChart = new ParetoChart(CostAxis.LATENCY);
    private final ParetoChart sizeChart = new ParetoChart(CostAxis.SIZE);

    @FXML private Label modelLabel;
    @FXML private Slider sparsitySlider;
    @FXML private TextField sparsityField;
    @FXML private Slider structuredSlider;
    @FXML private TextField structuredField;
    @FXML private ChoiceBox<StructuredPruningSettings.Norm> structuredNorm;
    @FXML private ChoiceBox<QuantizationSettings.Mode> quantMode;
    @FXML private ChoiceBox<Integer> quantBits;
    @FXML private ChoiceBox<Int8Layers> int8Layers;
    @FXML private Tab layersTab;
    @FXML private StackPane latencyChartPane;
    @FXML private StackPane sizeChartPane;
    @FXML private TableView<EvaluatedPoint> pointsTable;
    @FXML private ProgressBar progress;
    @FXML private Label statusLabel;
    @FXML private Button cancelButton;

    private final javafx.scene.Node layersContent;

    /** @param layersContent what the "int8 per layer" tab shows (null: nothing) */
    public WorkbenchController(WorkbenchViewModel model, javafx.scene.Node layersContent) {
        this.model = model;
        this.layersContent = layersContent;
    }

    @FXML
    private void initialize() {
        modelLabel.setText(model.modelTitle() + "   ·   " + model.dataTitle());
        PercentKnob.bind(sparsitySlider, sparsityField, model.sparsityPercentProperty(),
                WorkbenchViewModel.MAX_SPARSITY_PERCENT, "Sparsity (percent of weights set to zero)",
                model::measureCurrent, this::showError);
        PercentKnob.bind(structuredSlider, structuredField, model.structuredPercentProperty(),
                WorkbenchViewModel.MAX_STRUCTURED_PERCENT, "Channels removed (percent)",
                model::measureCurrent, this::showError);
        structuredNorm.getItems().setAll(StructuredPruningSettings.Norm.values());
        structuredNorm.valueProperty().bindBidirectional(model.structuredNormProperty());
        structuredNorm.valueProperty().addListener((obs, old, now) -> model.measureCurrent());
        QuantizationKnobs.bind(quantMode, quantBits, int8Layers, model);
        quantMode.valueProperty().addListener((obs, old, now) -> model.measureCurrent());
        quantBits.valueProperty().addListener((obs, old, now) -> model.measureCurrent());
        int8Layers.valueProperty().addListener((obs, old, now) -> {
            if (model.quantModeProperty().get() == QuantizationSettings.Mode.STATIC) {
                model.measureCurrent();
            }
        });
        if (layersContent != null) {
            layersTab.setContent(layersContent);
        }
        latencyChartPane.getChildren().add(viewer(latencyChart));
        sizeChartPane.getChildren().add(viewer(sizeChart));
        PointsTable.configure(pointsTable);
        pointsTable.setItems(model.points());
        model.points().addListener((ListChangeListener<EvaluatedPoint>) change -> redrawCharts());
        model.latestProperty().addListener((obs, old, point) -> {
            redrawCharts();
            pointsTable.getSelectionModel().select(point);
            pointsTable.scrollTo(point);
        });
        pointsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, point) ->
                model.selectedProperty().set(point));
        model.selectedProperty().addListener((obs, old, point) -> {
            if (point != null && pointsTable.getSelectionModel().getSelectedItem() != point) {
                pointsTable.getSelectionModel().select(point);
                pointsTable.scrollTo(point);
            }
            redrawCharts();
        });
        progress.visibleProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        model.errorProperty().addListener((obs, old, message) -> showError(message));
    }

    private void redrawCharts() {
        latencyChart.show(model.points(), model.latestProperty().get(), model.selectedProperty().get());
        sizeChart.show(model.points(), model.latestProperty().get(), model.selectedProperty().get());
    }

    /** A chart viewer where clicking a point selects it (and so its table row). */
    private ChartViewer viewer(ParetoChart chart) {
        ChartViewer viewer = new ChartViewer(chart.chart());
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item && item.getDataset() == chart.points()) {
                    model.selectedProperty().set(chart.pointAt(item.getSeriesIndex(), item.getItem()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // hover shows the tooltip; nothing to do here
            }
        });
        return viewer;
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private void showError(String message) {
        if (message == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(null);
        alert.setTitle("Pareto Workbench");
        alert.initOwner(statusLabel.getScene().getWindow());
        alert.show();
        model.errorProperty().set(null);
    }

    /** The charts as drawn, for tests. */
    ParetoChart latencyChart() {
        return latencyChart;
    }

    ParetoChart sizeChart() {
        return sizeChart;
    }
}
