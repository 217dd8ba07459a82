package org.paretowb.views.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/** Runs a listener whenever a table's rows change, including when the table is given another list of rows. */
public final class TableItems {
    private TableItems() {
    }

    /**
     * Calls {@code listener} now, on every change of the table's current list of items, and when the table is given
     * another list (an invalidation listener: a change listener misses a new empty list replacing an empty one).
     */
    public static <R> void follow(TableView<R> table, InvalidationListener listener) {
        List<ObservableList<R>> watched = new ArrayList<>();
        InvalidationListener follow = o -> {
            watched.forEach(list -> list.removeListener(listener));
            watched.clear();
            if (table.getItems() != null) {
                table.getItems().addListener(listener);
                watched.add(table.getItems());
            }
            listener.invalidated(null);
        };
        table.itemsProperty().addListener(follow);
        follow.invalidated(null);
    }
}
