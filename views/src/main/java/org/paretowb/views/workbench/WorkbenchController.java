package org.paretowb.views.workbench;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
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
    private final java.util.Map<CostAxis, ParetoChart> thirdCharts = new java.util.EnumMap<>(CostAxis.class);
    private final java.util.Map<CostAxis, ChartViewer> thirdViewers = new java.util.EnumMap<>(CostAxis.class);

    @FXML private Label modelLabel;
    @FXML private Slider sparsitySlider;
    @FXML private TextField sparsityField;
    @FXML private Slider structuredSlider;
    @FXML private TextField structuredField;
    @FXML private ChoiceBox<StructuredPruningSettings.Norm> structuredNorm;
    @FXML private javafx.scene.control.Menu fileMenu;
    @FXML private Label workspaceLabel;
    @FXML private ChoiceBox<QuantizationSettings.Mode> quantMode;
    @FXML private ChoiceBox<Integer> quantBits;
    @FXML private ChoiceBox<Int8Layers> int8Layers;
    @FXML private Button int8Choose;
    @FXML private ChoiceBox<String> chartEngine;
    @FXML private org.controlsfx.control.ToggleSwitch perChannel;
    @FXML private org.controlsfx.control.ToggleSwitch symmetric;
    @FXML private ChoiceBox<Integer> calibration;
    @FXML private Slider rankSlider;
    @FXML private TextField rankField;
    @FXML private Tab layersTab;
    @FXML private Tab sensitivityTab;
    @FXML private Tab distillationTab;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem fullSetItem;
    @FXML private MenuItem applyItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem renameItem;
    @FXML private MenuItem deleteItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private ChoiceBox<Integer> liveSamples;
    @FXML private ChoiceBox<CostAxis> thirdAxis;
    @FXML private StackPane thirdChartPane;
    @FXML private javafx.scene.control.CheckBox frontierOnly;
    @FXML private MenuItem compareItem;
    @FXML private Label resourcesLabel;
    @FXML private StackPane latencyChartPane;
    @FXML private StackPane sizeChartPane;
    @FXML private TableView<EvaluatedPoint> pointsTable;
    @FXML private ProgressBar progress;
    @FXML private Label statusLabel;
    @FXML private Button cancelButton;

    private final javafx.scene.Node layersContent;
    private final javafx.scene.Node sensitivityContent;
    private final javafx.scene.Node distillationContent;
    private final ResourceStatus resources = new ResourceStatus();

    /** @param layersContent, sensitivityContent what those tabs show (null: nothing) */
    public WorkbenchController(WorkbenchViewModel model, javafx.scene.Node layersContent,
                               javafx.scene.Node sensitivityContent, javafx.scene.Node distillationContent) {
        this.model = model;
        this.layersContent = layersContent;
        this.sensitivityContent = sensitivityContent;
        this.distillationContent = distillationContent;
    }

    @FXML
    private void initialize() {
        modelLabel.textProperty().bind(javafx.beans.binding.Bindings.concat(model.modelTitleProperty(), "   ·   ",
                model.dataTitleProperty()));
        PercentKnob.bind(sparsitySlider, sparsityField, model.sparsityPercentProperty(),
                WorkbenchViewModel.MAX_SPARSITY_PERCENT, "Sparsity (percent of weights set to zero)",
                model::measureCurrent, this::showError);
        PercentKnob.bind(structuredSlider, structuredField, model.structuredPercentProperty(),
                WorkbenchViewModel.MAX_STRUCTURED_PERCENT, "Channels removed (percent)",
                model::measureCurrent, this::showError);
        structuredNorm.getItems().setAll(StructuredPruningSettings.Norm.values());
        structuredNorm.valueProperty().bindBidirectional(model.structuredNormProperty());
        structuredNorm.valueProperty().addListener((obs, old, now) -> model.measureCurrent());
        PercentKnob.bind(rankSlider, rankField, model.lowRankPercentProperty(), 100,
                "Parameters kept (percent)", model::measureCurrent, this::showError);
        QuantizationKnobs.bind(quantMode, quantBits, int8Layers, model);
        QuantizationKnobs.bindFlags(perChannel, symmetric, calibration, model);
        QuantizationKnobs.bindChooser(int8Choose, model, () -> statusLabel.getScene().getWindow());
        perChannel.selectedProperty().addListener((obs, old, now) -> model.measureCurrent());
        symmetric.selectedProperty().addListener((obs, old, now) -> model.measureCurrent());
        calibration.valueProperty().addListener((obs, old, now) -> model.measureCurrent());
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
        if (sensitivityContent != null) {
            sensitivityTab.setContent(sensitivityContent);
        }
        if (distillationContent != null) {
            distillationTab.setContent(distillationContent);
        }
        latencyChartPane.getChildren().add(viewer(latencyChart));
        sizeChartPane.getChildren().add(viewer(sizeChart));
        PointsTable.configure(pointsTable);
        javafx.collections.transformation.SortedList<EvaluatedPoint> sorted =
                new javafx.collections.transformation.SortedList<>(model.shownPoints());
        sorted.comparatorProperty().bind(pointsTable.comparatorProperty());
        pointsTable.setItems(sorted);
        pointsTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        frontierOnly.selectedProperty().bindBidirectional(model.frontierOnlyProperty());
        chartEngine.setItems(model.chartEngines().choices());
        chartEngine.valueProperty().bindBidirectional(model.chartEngines().shownProperty());
        chartEngine.valueProperty().addListener((obs, old, engine) -> redrawCharts());
        for (CostAxis axis : new CostAxis[] {CostAxis.MACS, CostAxis.PARAMETERS, CostAxis.THROUGHPUT}) {
            ParetoChart chart = new ParetoChart(axis);
            thirdCharts.put(axis, chart);
            thirdViewers.put(axis, viewer(chart));
        }
        thirdAxis.getItems().setAll(thirdCharts.keySet());
        thirdAxis.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CostAxis axis) {
                return axis == null ? "" : axis.title();
            }

            @Override
            public CostAxis fromString(String text) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        });
        thirdAxis.valueProperty().addListener((obs, old, axis) -> thirdChartPane.getChildren().setAll(thirdViewers.get(axis)));
        thirdAxis.setValue(CostAxis.MACS);
        compareItem.disableProperty().bind(javafx.beans.binding.Bindings.size(
                pointsTable.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        model.points().addListener((ListChangeListener<EvaluatedPoint>) change -> redrawCharts());
        model.latestProperty().addListener((obs, old, point) -> {
            redrawCharts();
            if (point != null && point.id() > 0) {
                pointsTable.getSelectionModel().clearSelection();
                pointsTable.getSelectionModel().select(point);
                pointsTable.scrollTo(point);
            }
        });
        pointsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, point) ->
                model.selectedProperty().set(point));
        model.selectedProperty().addListener((obs, old, point) -> {
            if (point != null && pointsTable.getSelectionModel().getSelectedItem() != point) {
                pointsTable.getSelectionModel().clearSelection();
                pointsTable.getSelectionModel().select(point);
                pointsTable.scrollTo(point);
            }
            redrawCharts();
        });
        progress.visibleProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        model.errorProperty().addListener((obs, old, message) -> showError(message));
        undoItem.disableProperty().bind(model.canUndoProperty().not());
        redoItem.disableProperty().bind(model.canRedoProperty().not());
        for (MenuItem item : new MenuItem[] {fullSetItem, applyItem, exportItem, renameItem, deleteItem}) {
            item.disableProperty().bind(model.selectedProperty().isNull());
        }
        liveSamples.getItems().setAll(1000, 2000, 5000, 0);
        liveSamples.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n == 0 ? "all images" : String.format(java.util.Locale.ROOT, "%,d images", n);
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        });
        liveSamples.setValue(model.liveSamplesProperty().get());
        liveSamples.valueProperty().addListener((obs, old, n) -> model.liveSamplesProperty().set(n));
        darkItem.selectedProperty().addListener((obs, old, dark) -> Themes.apply(statusLabel.getScene(), dark,
                charts().toArray(new ParetoChart[0])));
        resourcesLabel.textProperty().bind(resources.textProperty());
        resources.start();
        WorkspaceMenu.install(model, fileMenu, () -> statusLabel.getScene().getWindow());
        workspaceLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.workspaceFileProperty().get() == null ? "Not saved (no workspace)"
                        : "Workspace: " + model.workspaceFileProperty().get().getFileName(),
                model.workspaceFileProperty()));
    }

    void dark(boolean dark) {
        darkItem.setSelected(dark);
    }

    @FXML
    private void openModel() {
        if (model.modelOpener().isEmpty()) {
            showInfo("Opening a model is not offered in this window.");
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a model (it opens in a new window, on the same workspace)");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("ONNX model", "*.onnx"),
                new javafx.stage.FileChooser.ExtensionFilter("Workbench export (.pwb, .djl)", "*.pwb", "*.djl"));
        java.io.File chosen = chooser.showOpenDialog(statusLabel.getScene().getWindow());
        if (chosen != null) {
            model.modelOpener().get().accept(chosen.toPath());
        }
    }

    @FXML
    private void quit() {
        statusLabel.getScene().getWindow().hide();
    }

    @FXML
    private void undo() {
        model.undo();
    }

    @FXML
    private void redo() {
        model.redo();
    }

    @FXML
    private void measureFullSet() {
        model.measureSelectedOnFullSet();
    }

    @FXML
    private void applyPoint() {
        model.applySelected();
    }

    @FXML
    private void deletePoint() {
        model.deleteSelected();
    }

    @FXML
    private void exportPoint() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the selected point's network");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("ONNX (fp32, or int8 where the point ran int8)", "*.onnx"),
                new javafx.stage.FileChooser.ExtensionFilter("DJL archive (parameters + network + packed weights)",
                        "*.djl"),
                new javafx.stage.FileChooser.ExtensionFilter("Workbench weight file (PWB1)", "*.pwb"));
        java.io.File chosen = chooser.showSaveDialog(statusLabel.getScene().getWindow());
        if (chosen != null) {
            String extension = chooser.getSelectedExtensionFilter() == null ? ".onnx"
                    : chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
            String name = chosen.getName();
            java.nio.file.Path file = name.endsWith(".onnx") || name.endsWith(".djl") || name.endsWith(".pwb")
                    || name.endsWith(".zip") ? chosen.toPath() : chosen.toPath().resolveSibling(name + extension);
            model.exportSelected(file);
        }
    }

    @FXML
    private void renamePoint() {
        EvaluatedPoint point = model.selectedProperty().get();
        if (point == null) {
            return;
        }
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(point.name());
        dialog.setTitle("Rename point #" + point.id());
        dialog.setHeaderText(null);
        dialog.setContentText("Name:");
        dialog.initOwner(statusLabel.getScene().getWindow());
        dialog.showAndWait().ifPresent(model::renameSelected);
    }

    private void showInfo(String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.setHeaderText(null);
        alert.setTitle("Pareto Workbench");
        alert.initOwner(statusLabel.getScene().getWindow());
        alert.show();
    }

    private void redrawCharts() {
        ChartEngines engines = model.chartEngines();
        EvaluatedPoint latest = model.latestProperty().get();
        for (ParetoChart chart : charts()) {
            chart.show(engines.onCharts(model.points()), engines.shows(latest) ? latest : null,
                    model.selectedProperty().get());
        }
    }

    private java.util.List<ParetoChart> charts() {
        java.util.List<ParetoChart> all = new java.util.ArrayList<>(java.util.List.of(latencyChart, sizeChart));
        all.addAll(thirdCharts.values());
        return all;
    }

    void compare() {
        comparePoints();
    }

    @FXML
    private void comparePoints() {
        java.util.List<EvaluatedPoint> two = java.util.List.copyOf(pointsTable.getSelectionModel().getSelectedItems());
        if (two.size() != 2) {
            showInfo("Select exactly two points in the table (Ctrl+click) to compare them.");
            return;
        }
        EvaluatedPoint a = two.get(0).id() < two.get(1).id() ? two.get(0) : two.get(1);
        EvaluatedPoint b = a == two.get(0) ? two.get(1) : two.get(0);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        javafx.scene.Scene scene = new javafx.scene.Scene(new org.paretowb.views.compare.CompareView(a, b).root(), 1000, 620);
        scene.getStylesheets().addAll(statusLabel.getScene().getRoot().getStylesheets());
        stage.setScene(scene);
        stage.setTitle("Compare #" + a.id() + " and #" + b.id());
        stage.initOwner(statusLabel.getScene().getWindow());
        stage.show();
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
