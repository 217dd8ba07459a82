package org.paretowb.views.workbench;

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
        QuantizationControls.bindChooser(int8Choose, knobs.quantization(), () -> statusLabel.getScene().getWindow());
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
        javafx.collections.transformation.SortedList<EvaluatedPoint> sorted =
                new javafx.collections.transformation.SortedList<>(history.shownPoints());
        sorted.comparatorProperty().bind(pointsTable.comparatorProperty());
        pointsTable.setItems(sorted);
        pointsTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        frontierOnly.selectedProperty().bindBidirectional(history.frontierOnlyProperty());
        chartEngine.setItems(history.chartEngines().choices());
        chartEngine.valueProperty().bindBidirectional(history.chartEngines().shownProperty());
        compareItem.disableProperty().bind(javafx.beans.binding.Bindings.size(
                pointsTable.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        history.latestProperty().addListener((obs, old, point) -> {
            if (point != null && point.id() > 0) {
                select(point);
            }
        });
        pointsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, point) ->
                history.selectedProperty().set(point));
        history.selectedProperty().addListener((obs, old, point) -> {
            if (point != null && pointsTable.getSelectionModel().getSelectedItem() != point) {
                select(point);
            }
        });
        progress.visibleProperty().bind(model.jobs().busyProperty());
        cancelButton.disableProperty().bind(model.jobs().cancellableProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip(); // the whole line, where it is cut
        statusTip.textProperty().bind(model.statusProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(640);
        statusLabel.setTooltip(statusTip);
        model.errorProperty().addListener((obs, old, message) -> showError(message));
        undoItem.disableProperty().bind(knobs.canUndoProperty().not());
        redoItem.disableProperty().bind(knobs.canRedoProperty().not());
        for (MenuItem item : new MenuItem[] {fullSetItem, applyItem, exportItem, renameItem, deleteItem}) {
            item.disableProperty().bind(history.selectedProperty().isNull());
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
        model.liveSamplesProperty().addListener((obs, old, n) -> liveSamples.setValue(n.intValue())); // chosen on start
        javafx.scene.control.Tooltip liveTip = new javafx.scene.control.Tooltip();
        liveTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.liveSetProperty().get().isEmpty()
                ? "The images each live point is measured on" : model.liveSetProperty().get(), model.liveSetProperty()));
        liveTip.setWrapText(true);
        liveTip.setMaxWidth(480);
        liveSamples.setTooltip(liveTip);
        darkItem.selectedProperty().addListener((obs, old, dark) -> {
            Themes.apply(statusLabel.getScene(), dark, charts.all().toArray(new ParetoChart[0]));
            charts.themeChanged();
        });
        resourcesLabel.textProperty().bind(resources.textProperty());
        resources.runWhileShown(statusLabel);
        WorkspaceMenu.install(model, fileMenu, () -> statusLabel.getScene().getWindow());
        RecipeMenu.install(model, fileMenu, pointMenu, () -> statusLabel.getScene().getWindow());
        workspaceLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                history.workspaceFileProperty().get() == null ? "Not saved (no workspace)"
                        : "Workspace: " + history.workspaceFileProperty().get().getFileName(),
                history.workspaceFileProperty()));
    }

    private void select(EvaluatedPoint point) {
        pointsTable.getSelectionModel().clearSelection();
        pointsTable.getSelectionModel().select(point);
        pointsTable.scrollTo(point);
    }

    @FXML
    private void openModel() {
        if (!model.offersFiles()) {
            showInfo("Opening a model is not offered in this window.");
            return;
        }
        java.io.File chosen = modelChooser().showOpenDialog(statusLabel.getScene().getWindow());
        if (chosen != null) {
            model.openModel(chosen.toPath());
        }
    }

    /** File › Open model…'s chooser: the formats a model opens from, and where it opens. */
    static javafx.stage.FileChooser modelChooser() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a model (it opens in a new window, on the same workspace)");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("ONNX model", "*.onnx"),
                new javafx.stage.FileChooser.ExtensionFilter("Workbench export (.pwb, .djl)", "*.pwb", "*.djl"));
        return chooser;
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
        EvaluatedPoint point = model.history().selectedProperty().get();
        if (point == null) {
            return;
        }
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(point.name());
        dialog.setTitle("Rename point #" + point.id());
        dialog.setHeaderText(null);
        dialog.setContentText("Name:");
        dialog.initOwner(statusLabel.getScene().getWindow());
        dialog.showAndWait().ifPresent(model.history()::renameSelected);
    }

    private void showInfo(String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.setHeaderText(null);
        alert.setTitle("Pareto Workbench");
        alert.initOwner(statusLabel.getScene().getWindow());
        alert.show();
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
        javafx.scene.Scene scene = new javafx.scene.Scene(new org.paretowb.views.compare.CompareView(a, b).root(), 1100, 760);
        scene.getStylesheets().addAll(statusLabel.getScene().getRoot().getStylesheets());
        stage.setScene(scene);
        stage.setTitle("Compare #" + a.id() + " and #" + b.id());
        stage.initOwner(statusLabel.getScene().getWindow());
        stage.show();
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

    ResourceStatus resources() {
        return resources;
    }

    /** The charts as drawn, for tests. */
    ChartsPane charts() {
        return charts;
    }
}
