package org.paretowb.views.layers;

import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.paretowb.services.evaluate.Int8Planner;
import org.paretowb.services.evaluate.LayerProfiler;
import org.paretowb.views.common.ColumnFit;

/** The "int8 per layer" view: a profile button, the per-layer table and the whole-network options. */
public final class LayerProfileView {
    private final VBox root = new VBox(8);

    public LayerProfileView(LayerProfileViewModel model) {
        Button profile = new Button("_Profile int8 per layer");
        profile.setId("profileLayers");
        profile.setMnemonicParsing(true);
        profile.setTooltip(new Tooltip("Calibrate the current recipe for static int8, then time every layer on ONNX"
                + " Runtime's fp32 and int8 kernels and the candidate layer sets as whole networks."));
        profile.setOnAction(e -> model.profile());
        profile.disableProperty().bind(model.busyProperty());
        profile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelProfile");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("profileStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, never "…"
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, profile, cancel, spinner, status);

        Label profiled = new Label();
        profiled.setId("profiledNote");
        profiled.setWrapText(true);
        profiled.textProperty().bind(model.profiledProperty());
        profiled.visibleProperty().bind(model.profiledProperty().isNotEmpty());
        profiled.managedProperty().bind(profiled.visibleProperty());
        profiled.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, never "…"

        TableView<LayerProfiler.LayerTime> layers = new TableView<>(model.layers());
        layers.setId("layerTable");
        layers.getColumns().add(column(layers, "Layer", LayerProfiler.LayerTime::layer));
        layers.getColumns().add(group("Batch 1",
                column(layers, "fp32 (µs)", t -> micros(t.fp32Batch1())),
                column(layers, "int8 (µs)", t -> micros(t.int8Batch1())),
                column(layers, "int8 / fp32", t -> ratio(t.int8Batch1() / t.fp32Batch1()))));
        layers.getColumns().add(group("Evaluation batch",
                column(layers, "fp32 (µs)", t -> micros(t.fp32Batch())),
                column(layers, "int8 (µs)", t -> micros(t.int8Batch())),
                column(layers, "int8 / fp32", t -> ratio(t.int8Batch() / t.fp32Batch()))));
        layers.getColumns().add(column(layers, "int8 kernel faster", t -> "other".equals(t.layer())
                ? "(layout, quantize)" : t.pays() ? "yes" : "no"));
        ColumnFit.scrollOrFill(layers);
        layers.setPlaceholder(new Label("No profile yet"));
        VBox.setVgrow(layers, Priority.ALWAYS);

        TableView<Int8Planner.Option> options = new TableView<>(model.options());
        options.setId("optionTable");
        options.getColumns().add(column(options, "int8 in (whole network)", o -> o.layers().isEmpty()
                ? "no layer (fp32)" : String.join(", ", new TreeSet<>(o.layers()))));
        options.getColumns().add(column(options, "batch-1 time vs fp32", o -> ratio(o.batch1Ratio())));
        options.getColumns().add(column(options, "evaluation time vs fp32", o -> ratio(o.evaluationRatio())));
        options.getColumns().add(column(options, "mean", o -> ratio(o.cost())));
        ColumnFit.scrollOrFill(options);
        options.setPlaceholder(new Label("No options timed yet"));
        options.setPrefHeight(170);

        Label hint = new Label("Each layer's int8 time includes the quantize nodes it needs; \"other\" is what ONNX"
                + " Runtime adds around int8 kernels (layout transposes). The candidates are then timed as whole networks"
                + " and the fastest set is the one \"Where it pays\" uses.");
        hint.setId("profileHint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, never "…"
        hint.getStyleClass().add("hint");
        root.getChildren().addAll(bar, profiled, layers, new Label("Candidate sets, timed as whole networks"), options, hint);
        root.setPadding(new Insets(10));
    }

    /** A column never narrower than its header and its widest cell (the table scrolls sideways instead). */
    private static <T> TableColumn<T, String> column(TableView<T> table, String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        ColumnFit.fit(table, column, value);
        return column;
    }

    /** Columns under one header ("Batch 1": fp32, int8, their ratio). */
    @SafeVarargs
    private static <T> TableColumn<T, String> group(String title, TableColumn<T, String>... columns) {
        TableColumn<T, String> group = new TableColumn<>(title);
        group.getColumns().addAll(columns);
        return group;
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public Parent root() {
        return root;
    }
}
