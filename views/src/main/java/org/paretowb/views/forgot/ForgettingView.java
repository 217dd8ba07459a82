package org.paretowb.views.forgot;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.paretowb.charts.ClassDeltaChart;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * What a point forgot against the baseline: per-class accuracy changes as bars (losses red) beside the
 * images whose prediction flipped, lost and gained, each with a tooltip naming its true class and both
 * predictions. Says plainly when the two points were not measured on the same images.
 */
public final class ForgettingView {
    private static final int TILE = 56;
    private static final String LOST = "#b42323";
    private static final String GAINED = "#1f7a45";

    private final ForgettingViewModel model;
    private final VBox root = new VBox(8);
    private final ClassDeltaChart chart = new ClassDeltaChart();
    private final TilePane lostTiles = tiles("lostImages");
    private final TilePane gainedTiles = tiles("gainedImages");

    public ForgettingView(ForgettingViewModel model) {
        this.model = model;
        Label title = new Label();
        title.setId("forgettingTitle");
        title.getStyleClass().add("forgetting-title");
        title.textProperty().bind(model.titleProperty());
        Label note = new Label();
        note.setId("forgettingNote");
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        model.sameImagesProperty().addListener((o, was, same) -> warn(note, !same));
        Label lost = count("lostCount", LOST);
        lost.textProperty().bind(model.lostProperty().asString("%,d lost"));
        Label gained = count("gainedCount", GAINED);
        gained.textProperty().bind(model.gainedProperty().asString("%,d gained"));
        Label compared = new Label();
        compared.setId("comparedCount");
        compared.textProperty().bind(model.comparedProperty().asString("of %,d images compared"));
        HBox counts = new HBox(14, lost, gained, compared);
        counts.visibleProperty().bind(model.comparableProperty());
        counts.managedProperty().bind(model.comparableProperty());

        StackPane chartPane = new StackPane(new ChartViewer(chart.chart()));
        chartPane.setId("classDeltaChart");
        chartPane.setMinWidth(260);
        model.classDeltaProperty().addListener((o, was, delta) -> chart.show(delta, model.classNames(delta.length)));
        Label lostHeading = count("lostHeading", LOST);
        Label gainedHeading = count("gainedHeading", GAINED);
        bindTiles(model.lostShown(), lostTiles, lostHeading, true);
        bindTiles(model.gainedShown(), gainedTiles, gainedHeading, false);
        VBox images = new VBox(6, lostHeading, lostTiles, gainedHeading, gainedTiles);
        images.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(images);
        scroll.setFitToWidth(true);
        SplitPane body = new SplitPane(chartPane, scroll);
        body.setDividerPositions(0.42);
        body.visibleProperty().bind(model.comparableProperty());
        VBox.setVgrow(body, Priority.ALWAYS);

        root.getChildren().addAll(title, note, counts, body);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("forgetting");
    }

    /** Shows what {@code point} forgot against {@code baseline} on {@code images} (their evaluation set). */
    public void show(EvaluatedPoint baseline, EvaluatedPoint point, LabeledImages images) {
        model.show(baseline, point, images);
    }

    private static void warn(Label note, boolean warning) {
        note.setStyle(warning ? "-fx-text-fill: #9a5b00; -fx-font-weight: bold;" : "");
    }

    /** A bold label in the colour of lost or gained images. */
    private static Label count(String id, String colour) {
        Label l = new Label();
        l.setId(id);
        l.setStyle("-fx-font-weight: bold; -fx-text-fill: " + colour + ";");
        return l;
    }

    private static TilePane tiles(String id) {
        TilePane t = new TilePane(4, 4);
        t.setId(id);
        t.setPrefTileWidth(TILE + 30);
        return t;
    }

    private void bindTiles(ObservableList<ForgettingViewModel.Flip> flips, TilePane pane, Label heading,
                           boolean lostImages) {
        flips.addListener((ListChangeListener<ForgettingViewModel.Flip>) c -> {
            pane.getChildren().setAll(flips.stream().map(f -> tile(f, lostImages)).toList());
            heading.setText(model.heading(lostImages));
        });
        heading.setText(model.heading(lostImages));
    }

    private Node tile(ForgettingViewModel.Flip f, boolean lostImages) {
        ImageView image = new ImageView(model.images().isImages() ? image(model.images(), f.index()) : null);
        image.setFitWidth(TILE);
        image.setFitHeight(TILE);
        image.setSmooth(false);
        // the true class, then the wrong answer: the point's for a lost image, the baseline's for a gained one
        String caption = model.className(f.truth()) + "\n" + (lostImages ? "now " + model.className(f.after())
                : "was " + model.className(f.before()));
        Label tile = new Label(caption, image);
        tile.setContentDisplay(ContentDisplay.TOP);
        tile.setStyle("-fx-font-size: 10px; -fx-text-fill: " + (lostImages ? LOST : GAINED) + ";");
        tile.setTooltip(new Tooltip(model.describe(f)));
        tile.getStyleClass().add("flip-tile");
        return tile;
    }

    private static WritableImage image(LabeledImages images, int index) {
        return org.paretowb.views.common.Thumbnails.image(images, index);
    }

    public ForgettingViewModel model() {
        return model;
    }

    /** The bar chart as drawn, for tests. */
    public ClassDeltaChart chart() {
        return chart;
    }

    /** The tiles shown: lost images, then gained images. */
    public List<TilePane> tilePanes() {
        return List.of(lostTiles, gainedTiles);
    }

    public Parent root() {
        return root;
    }
}
