package org.paretowb.views.search;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.paretowb.services.search.Objective;

/**
 * The Search tab: the budget, what to minimise, the strategy and the evaluations it may make; Search, Cancel, a
 * progress bar, the best so far, and the search's course as a chart. Its points join the window's table and charts.
 */
public final class SearchView {
    private final VBox root = new VBox(10);
    private final javafx.beans.property.ObjectProperty<Double> dropValue; // held: a bidirectional binding is weak
    private final javafx.beans.property.ObjectProperty<Integer> evaluationsValue;
    private final javafx.beans.property.ObjectProperty<Integer> seedValue;

    public SearchView(SearchViewModel model) {
        Spinner<Double> drop = new Spinner<>(0.0, 100.0, model.maxDropProperty().get(), 0.1);
        drop.setId("searchMaxDrop");
        drop.setEditable(true);
        drop.getValueFactory().valueProperty().bindBidirectional(dropValue = model.maxDropProperty().asObject());
        drop.setTooltip(new Tooltip("The largest accuracy drop accepted, in percentage points of top-1 against the"
                + " baseline, judged on the full evaluation set (candidates first measured on a subset are measured"
                + " again on the full set before they can win)."));
        ChoiceBox<Objective> objective = new ChoiceBox<>();
        objective.setId("searchObjective");
        objective.getItems().setAll(Objective.values());
        objective.setConverter(new StringConverter<>() {
            @Override
            public String toString(Objective o) {
                return o == null ? "" : (o.maximised() ? "maximise " : "minimise ") + o.title();
            }

            @Override
            public Objective fromString(String s) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        });
        objective.valueProperty().bindBidirectional(model.objectiveProperty());
        objective.setTooltip(new Tooltip("What the search improves: batch-1 latency p50 on ONNX Runtime (one thread),"
                + " the bytes of the serialized file, multiply-accumulates per image, or throughput."));
        ChoiceBox<SearchViewModel.Strategy> strategy = new ChoiceBox<>();
        strategy.setId("searchStrategy");
        strategy.getItems().setAll(SearchViewModel.Strategy.values());
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        strategy.setTooltip(new Tooltip("TPE: a tree-structured Parzen estimator proposes where the good candidates"
                + " were (Bergstra et al. 2011); RANDOM: uniform draws; GRID: every combination in turn."));
        Spinner<Integer> evaluations = new Spinner<>(1, 10_000, model.evaluationsProperty().get());
        evaluations.setId("searchEvaluations");
        evaluations.setEditable(true);
        evaluations.getValueFactory().valueProperty().bindBidirectional(
                evaluationsValue = model.evaluationsProperty().asObject());
        evaluations.setTooltip(new Tooltip("Measurements the search may make, on the subset and on the full set"
                + " alike (the baselines do not count)."));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, model.seedProperty().get());
        seed.setId("searchSeed");
        seed.setEditable(true);
        seed.getValueFactory().valueProperty().bindBidirectional(seedValue = model.seedProperty().asObject());
        seed.setTooltip(new Tooltip("The same seed proposes the same candidates: a search started again with it"
                + " reads its earlier points back instead of measuring them."));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Lose at most (points)"), drop);
        form.addRow(1, new Label("Goal"), objective);
        form.addRow(2, new Label("Strategy"), strategy);
        form.addRow(3, new Label("Evaluations"), evaluations);
        form.addRow(4, new Label("Seed"), seed);
        form.setMinWidth(Region.USE_PREF_SIZE);

        Button start = new Button("_Search");
        start.setId("startSearch");
        start.setMnemonicParsing(true);
        start.setTooltip(new Tooltip("Search the recipes (structured and unstructured pruning, low-rank, weight bits,"
                + " int8) for the best goal within the budget; every candidate becomes a point."));
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSearch");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.cancellableProperty().not());
        for (Button b : new Button[] {start, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        ProgressBar progress = new ProgressBar();
        progress.setId("searchProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(200);
        Label status = new Label();
        status.setId("searchStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(10, start, cancel, progress, status);
        bar.setStyle("-fx-alignment: center-left;");

        SearchProgressChart chart = new SearchProgressChart(title(model.objectiveProperty().get()));
        model.busyProperty().addListener((obs, was, busy) -> {
            if (busy) {
                chart.clear(title(model.objectiveProperty().get()));
            }
        });
        model.trialProperty().addListener((obs, old, trial) -> {
            if (trial != null) {
                chart.add(trial, model.bestProperty().get());
            }
        });
        StackPane chartPane = new StackPane(new ChartViewer(chart.chart()));
        chartPane.setId("searchChart");
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        Label hint = new Label("The search measures candidates on the first " + String.format(Locale.ROOT, "%,d",
                SearchViewModel.SUBSET) + " images and measures the promising third again on the full set"
                + " (successive halving); the answer is always a full-set measurement, judged against the baseline"
                + " measured on the same images. Every candidate joins the table and the charts; the budget is the"
                + " dashed line on the accuracy axis.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        root.getChildren().addAll(new HBox(24, form, hint), bar, chartPane);
        root.setPadding(new Insets(10));
    }

    private static String title(Objective o) {
        return o.title() + " (" + o.unit() + ")";
    }

    public Parent root() {
        return root;
    }
}
