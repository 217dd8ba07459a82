package org.paretowb.views.inputs;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import org.paretowb.views.common.Columns;
import org.paretowb.views.common.Thumbnails;

/**
 * The Data tab: where the data came from, its size, shape and normalisation, the split, the inputs per class,
 * and the first images of each class (a table's first rows instead); reading shows a progress bar and Cancel.
 */
public final class DataView {
    /** What the tab's buttons ask of the window. */
    public interface Actions {
        void openFolder();

        void openFile();

        void editSettings();

        void showError(String message);
    }

    static final int PER_CLASS = 8;
    static final int MAX_CLASSES = 20;
    static final int MAX_ROWS = 20;
    private static final double THUMB = 44;

    private final InputsViewModel inputs;
    private final Actions actions;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label details = new Label();
    private final TableView<DataSummary.ClassRow> counts = new TableView<>();
    private final GridPane samples = new GridPane();
    private final TableView<List<String>> firstRows = new TableView<>();
    private final VBox right = new VBox(6);
    private final TextField share = new TextField();
    private final TextField seed = new TextField();

    public DataView(InputsViewModel inputs, Actions actions) {
        this.inputs = inputs;
        this.actions = actions;
        title.setId("dataTitle");
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        details.setId("dataDetails");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        counts.setId("classCounts");
        counts.getColumns().setAll(List.of(
                Columns.typed("#", 34, DataSummary.ClassRow::index, String::valueOf),
                Columns.typed("Class", 110, DataSummary.ClassRow::name, s -> s),
                Columns.typed("Inputs", 66, DataSummary.ClassRow::total, v -> String.format(Locale.ROOT, "%,d", v)),
                shareColumn(),
                Columns.typed("Evaluation", 85, DataSummary.ClassRow::evaluation,
                        v -> String.format(Locale.ROOT, "%,d", v)),
                Columns.typed("Training", 70, DataSummary.ClassRow::training,
                        v -> String.format(Locale.ROOT, "%,d", v))));
        counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        samples.setId("sampleGrid");
        samples.setHgap(4);
        samples.setVgap(4);
        samples.setPadding(new Insets(4));
        firstRows.setId("firstRows");

        SplitPane body = new SplitPane(counts, right);
        body.setDividerPositions(0.5);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(title, details, toolbar(), progressRow(), body);
        root.setPadding(new Insets(10));
        root.setId("dataTab");
        inputs.inputsProperty().addListener((obs, old, now) -> show(now));
        show(inputs.inputs());
    }

    private HBox toolbar() {
        Button folder = button("openDataFolder", "Open folder…", "Idx files (t10k) or one sub-folder of PNG/JPEG"
                + " images per class; the window starts over on them.", actions::openFolder);
        Button file = button("openDataFile", "Open file…", "A data file (for example a table of rows)",
                actions::openFile);
        Button settings = button("inputSettingsButton", "Input settings…", "The model's normalisation and class names",
                actions::editSettings);
        share.setId("splitShare");
        share.setPrefColumnCount(4);
        share.setTooltip(new Tooltip("Share of the data the points are measured on; the rest trains (fine-tuning,"
                + " distillation, calibration). 100: all evaluates."));
        seed.setId("splitSeed");
        seed.setPrefColumnCount(6);
        seed.setTooltip(new Tooltip("The seed of the random split: the same seed gives the same split."));
        Button apply = button("applySplit", "Apply split", "Split the data anew and start over on its evaluation"
                + " part", this::applySplit);
        share.setOnAction(e -> applySplit());
        seed.setOnAction(e -> applySplit());
        HBox bar = new HBox(6, folder, file, settings, new Separator(Orientation.VERTICAL), new Label("Evaluation share"),
                share, new Label("%   Seed"), seed, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(inputs.busyProperty());
        return bar;
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("dataProgress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(inputs.progressProperty());
        bar.visibleProperty().bind(inputs.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("dataStatus");
        status.textProperty().bind(inputs.statusProperty());
        Button cancel = button("dataCancel", "Cancel", "Stop reading (the window goes on with the data it has)",
                inputs::cancel);
        cancel.visibleProperty().bind(inputs.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.disableProperty().bind(inputs.cancellableProperty().not());
        HBox row = new HBox(8, bar, status, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void applySplit() {
        DataSplit split;
        try {
            double percent = Double.parseDouble(share.getText().strip().replace("%", ""));
            long s = Long.parseLong(seed.getText().strip());
            split = new DataSplit(percent / 100, s);
        } catch (NumberFormatException e) {
            actions.showError("The split needs an evaluation share in percent (for example 20) and a whole number"
                    + " as its seed; got '" + share.getText() + "' and '" + seed.getText() + "'.");
            return;
        } catch (IllegalArgumentException e) {
            actions.showError("The split cannot be used: " + e.getMessage() + ".");
            return;
        }
        inputs.applySplit(split);
    }

    private void show(ModelInputs in) {
        DataSummary summary = DataSummary.of(in, PER_CLASS, MAX_CLASSES, MAX_ROWS);
        title.setText("Data: " + in.dataTitle());
        details.setText(String.join("\n", summary.details()));
        counts.setItems(FXCollections.observableArrayList(summary.classes()));
        share.setText(String.format(Locale.ROOT, "%.4g", in.split().evaluationShare() * 100).replaceFirst("\\.?0+$", ""));
        seed.setText(String.valueOf(in.split().seed()));
        if (in.data().isImages()) {
            showSamples(in, summary);
        } else {
            showRows(summary);
        }
    }

    private void showSamples(ModelInputs in, DataSummary summary) {
        samples.getChildren().clear();
        int row = 0;
        for (DataSummary.Samples s : summary.samples()) {
            Label name = new Label(s.classIndex() + "  " + s.name());
            name.setMinWidth(110);
            samples.add(name, 0, row);
            for (int i = 0; i < s.indices().length; i++) {
                ImageView image = new ImageView(Thumbnails.image(in.data(), s.indices()[i]));
                image.setFitWidth(THUMB);
                image.setFitHeight(THUMB);
                image.setPreserveRatio(true);
                image.setSmooth(false);
                samples.add(image, i + 1, row);
            }
            row++;
        }
        String more = summary.classes().size() > summary.samples().size()
                ? " (the first " + summary.samples().size() + " classes of " + summary.classes().size() + ")" : "";
        Label heading = new Label("The first images of each class" + more);
        heading.setStyle("-fx-font-weight: bold;");
        ScrollPane scroll = new ScrollPane(samples);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        right.getChildren().setAll(heading, scroll);
    }

    private void showRows(DataSummary summary) {
        firstRows.getColumns().clear();
        for (int c = 0; c < summary.columns().size(); c++) {
            int at = c;
            TableColumn<List<String>, String> column = new TableColumn<>(summary.columns().get(c));
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(at < cell.getValue().size()
                    ? cell.getValue().get(at) : ""));
            column.setPrefWidth(c == 1 ? 110 : 70);
            firstRows.getColumns().add(column);
        }
        firstRows.setItems(FXCollections.observableArrayList(summary.firstRows()));
        Label heading = new Label("The first " + summary.firstRows().size() + " rows");
        heading.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(firstRows, Priority.ALWAYS);
        right.getChildren().setAll(heading, firstRows);
    }

    /** The share of the inputs as a bar (scaled to the largest class) and a percentage. */
    private TableColumn<DataSummary.ClassRow, Double> shareColumn() {
        TableColumn<DataSummary.ClassRow, Double> column = new TableColumn<>("Share");
        column.setPrefWidth(125);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().share()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                double largest = getTableView().getItems().stream().mapToDouble(DataSummary.ClassRow::share).max()
                        .orElse(1);
                Region bar = new Region();
                bar.getStyleClass().add("class-bar");
                bar.setStyle("-fx-background-color: #3b82f6;");
                bar.setPrefSize(largest > 0 ? 60 * item / largest : 0, 10);
                bar.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(String.format(Locale.ROOT, "%.1f%%", item * 100));
                HBox box = new HBox(6, bar, value);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
                setText(null);
            }
        });
        return column;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    public Parent root() {
        return root;
    }

    /** The rows of the class table, for tests. */
    TableView<DataSummary.ClassRow> counts() {
        return counts;
    }

    Node samples() {
        return samples;
    }
}
