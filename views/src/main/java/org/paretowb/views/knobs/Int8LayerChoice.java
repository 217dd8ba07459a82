package org.paretowb.views.knobs;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;

/**
 * The int8 layers knob's choices: where it pays, everywhere, and lists of layers chosen by hand, kept
 * among the choices once made so that the knob shows them and they can be picked again. Choosing layers sets
 * the knob, and the mode to static int8, like any other knob change (measured once, undoable); a point's
 * recipe with listed layers puts the list back ("Apply recipe to knobs", undo).
 */
public final class Int8LayerChoice {
    private final ObjectProperty<Int8Layers> knob;
    private final ObjectProperty<QuantizationSettings.Mode> mode;
    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final ObservableList<Int8Layers> choices =
            FXCollections.observableArrayList(Int8Layers.WHERE_IT_PAYS, Int8Layers.ALL);

    /** Keeps the choices in step with {@code knob} (make it before anything binds a control to the knob). */
    Int8LayerChoice(ObjectProperty<Int8Layers> knob, ObjectProperty<QuantizationSettings.Mode> mode) {
        this.knob = knob;
        this.mode = mode;
        knob.addListener((obs, old, now) -> offer(now));
        offer(knob.get());
    }

    /**
     * Adds a listed choice after the others (the oldest listed one goes beyond {@value #LISTS_KEPT}, unless
     * shown). Never replaces one in place: a choice box clears its value when its selected item is removed.
     */
    private void offer(Int8Layers value) {
        if (value == null || value.kind() != Int8Layers.Kind.LISTED || choices.contains(value)) {
            return;
        }
        choices.add(value);
        List<Int8Layers> listed = choices.stream().filter(c -> c.kind() == Int8Layers.Kind.LISTED).toList();
        if (listed.size() > LISTS_KEPT) {
            listed.stream().filter(c -> !c.equals(knob.get()) && !c.equals(value)).findFirst().ifPresent(choices::remove);
        }
    }

    public static final int LISTS_KEPT = 3;

    /**
     * The network's layers that static quantization can run in int8 (every convolution and dense layer:
     * conv1, conv2, …, fc1, …), in the order they run. Set by whoever loads the network.
     */
    public ObservableList<String> layers() {
        return layers;
    }

    /** The knob's choices: where it pays, everywhere, and the last lists of layers chosen by hand. */
    public ObservableList<Int8Layers> choices() {
        return choices;
    }

    /**
     * The layers to tick when the checklist opens: in static mode the knob's list (every layer for
     * "everywhere"); else the list chosen last; else none.
     */
    public List<String> ticked() {
        Int8Layers now = mode.get() == QuantizationSettings.Mode.STATIC ? knob.get() : null;
        if (now != null && now.kind() == Int8Layers.Kind.LISTED) {
            return now.names();
        }
        if (now != null && now.kind() == Int8Layers.Kind.ALL) {
            return List.copyOf(layers);
        }
        return choices.stream().filter(c -> c.kind() == Int8Layers.Kind.LISTED).reduce((a, b) -> b)
                .map(Int8Layers::names).orElse(List.of());
    }

    /**
     * Static int8 on exactly these layers (in the network's order): sets the knob, then the mode (one
     * measurement: the knob alone measures only in static mode). None chosen leaves both as they are.
     */
    public void choose(List<String> chosen) {
        List<String> ordered = new ArrayList<>(layers.stream().filter(chosen::contains).toList());
        chosen.stream().filter(name -> !ordered.contains(name)).forEach(ordered::add);
        if (!ordered.isEmpty()) {
            knob.set(new Int8Layers(Int8Layers.Kind.LISTED, ordered));
            mode.set(QuantizationSettings.Mode.STATIC);
        }
    }

    /** How the knob names a choice. */
    public static String describe(Int8Layers choice) {
        return switch (choice.kind()) {
            case WHERE_IT_PAYS -> "Where it pays";
            case ALL -> "Everywhere";
            case LISTED -> String.join(", ", choice.names());
        };
    }
}
