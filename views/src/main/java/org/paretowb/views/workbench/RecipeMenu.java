package org.paretowb.views.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File › Open recipe… and Point › Save recipe…: the file dialogs; {@link RecipeFiles} does the work. */
final class RecipeMenu {
    private static final FileChooser.ExtensionFilter RECIPES =
            new FileChooser.ExtensionFilter("Pareto Workbench recipe (JSON)", "*.json");

    private RecipeMenu() {
    }

    /** Puts Open recipe… in {@code fileMenu} before Open model…, and Save recipe… in {@code pointMenu}. */
    static void install(WorkbenchViewModel model, Menu fileMenu, Menu pointMenu, Supplier<Window> owner) {
        MenuItem open = item("Open re_cipe…", "Shortcut+Shift+R", "openRecipeItem");
        open.setOnAction(e -> choose(owner, false).ifPresent(model.recipes()::open));
        MenuItem save = item("Save _recipe…", "Shortcut+Shift+P", "saveRecipeItem");
        save.setOnAction(e -> choose(owner, true).ifPresent(model.recipes()::saveSelected));
        save.disableProperty().bind(model.history().selectedProperty().isNull());
        int modelItem = fileMenu.getItems().indexOf(fileMenu.getItems().stream()
                .filter(i -> "openModelItem".equals(i.getId())).findFirst().orElse(null));
        fileMenu.getItems().add(Math.max(0, modelItem), open);
        int exportItem = pointMenu.getItems().indexOf(pointMenu.getItems().stream()
                .filter(i -> "exportItem".equals(i.getId())).findFirst().orElse(null));
        pointMenu.getItems().add(exportItem < 0 ? pointMenu.getItems().size() : exportItem + 1, save);
    }

    private static Optional<Path> choose(Supplier<Window> owner, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Save the selected point's recipe" : "Open a recipe (it goes on the knobs)");
        chooser.getExtensionFilters().add(RECIPES);
        File chosen = save ? chooser.showSaveDialog(owner.get()) : chooser.showOpenDialog(owner.get());
        if (chosen == null) {
            return Optional.empty();
        }
        Path path = chosen.toPath();
        if (save && !path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            path = path.resolveSibling(path.getFileName() + ".json");
        }
        return Optional.of(path);
    }

    private static MenuItem item(String text, String accelerator, String id) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setId(id);
        return item;
    }
}
