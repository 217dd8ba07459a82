package org.paretowb.views.workbench;

import javafx.fxml.FXML;
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
import org.paretowb.charts.CostAxis;
import org.paretowb.charts.ParetoChart;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.views.knobs.Knobs;
import org.paretowb.views.knobs.PruningSection;
import org.paretowb.views.knobs.StructuredSection;

/**
 * Binds the main window's controls to its view models and forwards user actions. No computation here, and no
 * decision of when a change is measured (the knobs decide that).
 */
public final class WorkbenchController {
    private final WorkbenchViewModel model;
    private ChartsPane charts;

    @FXML private Label modelLabel;
    @FXML private Slider sparsitySlider;
    @FXML private TextField sparsityField;
    @FXML private Slider structuredSlider;
    @FXML private TextField structuredField;
    @FXML private ChoiceBox<StructuredPruningSettings.Norm> structuredNorm;
    @FXML private javafx.scene.control.Menu fileMenu;
    @FXML private javafx.scene.control.Menu pointMenu;
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
    @FXML private javafx.scene.layout.FlowPane chartLegend;
    @FXML private Button resetZoom;
    @FXML private CheckMenuItem snapItem;
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
        Knobs knobs = model.knobs();
        PercentKnob.bind(sparsitySlider, sparsityField, knobs.pruning().percentProperty(), PruningSection.MAX_PERCENT,
                "Sparsity (percent of weights set to zero)", knobs::changed, this::showError,
                snapItem.selectedProperty());
        PercentKnob.bind(structuredSlider, structuredField, knobs.structured().percentProperty(),
                StructuredSection.MAX_PERCENT, "Channels removed (percent)", knobs::changed, this::showError,
                snapItem.selectedProperty());
        structuredNorm.getItems().setAll(StructuredPruningSettings.Norm.values());
        structuredNorm.valueProperty().bindBidirectional(knobs.structured().normProperty());
        PercentKnob.bind(rankSlider, rankField, knobs.lowRank().percentProperty(), 100,
                "Parameters kept (percent)", knobs::changed, this::showError,
                snapItem.selectedProperty());
        QuantizationControls.bind(quantMode, quantBits, int8Layers, knobs.quantization());
        QuantizationControls.bindFlags(perChannel, symmetric, calibration, knobs.quantization());
        QuantizationControls.bindChooser(int8Choose, knobs.quantization(), this::window);
        if (layersContent != null) {
            layersTab.setContent(layersContent);
        }
        if (sensitivityContent != null) {
            sensitivityTab.setContent(sensitivityContent);
        }
        if (distillationContent != null) {
            distillationTab.setContent(distillationContent);
        }
        HistoryViewModel history = model.history();
        charts = new ChartsPane(history, latencyChartPane, sizeChartPane, thirdChartPane, thirdAxis, chartLegend,
                resetZoom);
        charts.budgetFrom(model.budgetLineProperty());
        PointsTable.configure(pointsTable);
        PointsSelection.bind(pointsTable, history, compareItem);
        frontierOnly.selectedProperty().bindBidirectional(history.frontierOnlyProperty());
        chartEngine.setItems(history.chartEngines().choices());
        chartEngine.valueProperty().bindBidirectional(history.chartEngines().shownProperty());
        StatusBar.bind(model, progress, cancelButton, statusLabel);
        model.errorProperty().addListener((obs, old, message) -> showError(message));
        undoItem.disableProperty().bind(knobs.canUndoProperty().not());
        redoItem.disableProperty().bind(knobs.canRedoProperty().not());
        for (MenuItem item : new MenuItem[] {fullSetItem, applyItem, exportItem, renameItem, deleteItem}) {
            item.disableProperty().bind(history.selectedProperty().isNull());
        }
        LiveSamplesChoice.bind(liveSamples, model);
        darkItem.selectedProperty().addListener((obs, old, dark) -> {
            Themes.apply(statusLabel.getScene(), dark, charts.all().toArray(new ParetoChart[0]));
            charts.themeChanged();
        });
        StatusBar.bindWorkspaceAndResources(history, workspaceLabel, resourcesLabel, resources, statusLabel);
        WorkspaceMenu.install(model, fileMenu, this::window);
        RecipeMenu.install(model, fileMenu, pointMenu, this::window);
    }

    private javafx.stage.Window window() {
        return statusLabel.getScene().getWindow();
    }

    @FXML
    private void openModel() {
        if (!model.offersFiles()) {
            Alerts.info(window(), "Opening a model is not offered in this window.");
            return;
        }
        java.io.File chosen = FileChoosers.model().showOpenDialog(window());
        if (chosen != null) {
            model.openModel(chosen.toPath());
        }
    }

    @FXML
    private void quit() {
        statusLabel.getScene().getWindow().hide();
    }

    @FXML
    private void undo() {
        model.knobs().undo();
    }

    @FXML
    private void redo() {
        model.knobs().redo();
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
        model.history().deleteSelected();
    }

    @FXML
    private void exportPoint() {
        FileChoosers.exportTarget(window()).ifPresent(model::exportSelected);
    }

    @FXML
    private void renamePoint() {
        EvaluatedPoint point = model.history().selectedProperty().get();
        if (point == null) {
            return;
        }
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(point.name());
        dialog.setTitle("Rename point #" + point.id());
        dialog.setHeaderText(null);
        dialog.setContentText("Name:");
        dialog.initOwner(window());
        dialog.showAndWait().ifPresent(model.history()::renameSelected);
    }

    @FXML
    private void comparePoints() {
        java.util.List<EvaluatedPoint> two = java.util.List.copyOf(pointsTable.getSelectionModel().getSelectedItems());
        if (two.size() != 2) {
            Alerts.info(window(), "Select exactly two points in the table (Ctrl+click) to compare them.");
            return;
        }
        CompareWindow.open(two, statusLabel.getScene());
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private void showError(String message) {
        if (message == null) {
            return;
        }
        Alerts.error(window(), message);
        model.errorProperty().set(null);
    }

    ResourceStatus resources() {
        return resources;
    }

    /** The charts as drawn, for tests. */
    ChartsPane charts() {
        return charts;
    }
}
