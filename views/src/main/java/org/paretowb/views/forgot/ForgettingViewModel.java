package org.paretowb.views.forgot;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Forgetting;
import org.paretowb.models.measure.SharedImages;

/**
 * State of the forgetting view: for one point against the baseline, the per-class accuracy changes, how many
 * images were lost and gained, the first of them to show, and whether the two saw the same images.
 * Comparing two points is a pass over their predictions (10,000 at most here): cheap enough for the FX thread.
 */
public final class ForgettingViewModel {
    /** How many lost and how many gained images are shown at most. */
    public static final int DEFAULT_SHOWN = 48;

    /** One image whose prediction flipped: its index, its true class, and the two predictions. */
    public record Flip(int index, int truth, int before, int after) {
    }

    private List<String> classNames;
    private final int shown;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("Select a point to see what it forgot against the"
            + " baseline.");
    private final BooleanProperty sameImages = new SimpleBooleanProperty(true);
    private final BooleanProperty comparable = new SimpleBooleanProperty(false);
    private final IntegerProperty compared = new SimpleIntegerProperty();
    private final IntegerProperty lost = new SimpleIntegerProperty();
    private final IntegerProperty gained = new SimpleIntegerProperty();
    private final ObjectProperty<double[]> classDelta = new SimpleObjectProperty<>(new double[0]);
    private final ObservableList<Flip> lostShown = FXCollections.observableArrayList();
    private final ObservableList<Flip> gainedShown = FXCollections.observableArrayList();
    // made once: an unmodifiable view listens to its list weakly, so a view made per call could be collected
    private final ObservableList<Flip> lostView = FXCollections.unmodifiableObservableList(lostShown);
    private final ObservableList<Flip> gainedView = FXCollections.unmodifiableObservableList(gainedShown);
    private LabeledImages images;

    /** @param classNames a name per class index (a class without one is called "class N") */
    public ForgettingViewModel(List<String> classNames) {
        this(classNames, DEFAULT_SHOWN);
    }

    public ForgettingViewModel(List<String> classNames, int shown) {
        if (shown < 0) {
            throw new IllegalArgumentException("images shown must be 0 or more, got " + shown);
        }
        this.classNames = List.copyOf(classNames);
        this.shown = shown;
    }

    /** Compares {@code point} with {@code baseline} on {@code images}, the evaluation set both were measured on. */
    public void show(EvaluatedPoint baseline, EvaluatedPoint point, LabeledImages images) {
        this.images = images;
        SharedImages shared = SharedImages.of(baseline.measurement(), point.measurement(), images.size());
        title.set("#" + point.id() + " " + point.title() + " against the baseline #" + baseline.id());
        note.set(shared.note());
        sameImages.set(shared.same());
        comparable.set(shared.comparable());
        if (!shared.comparable()) {
            fill(0, List.of(), List.of(), new double[0], null, null);
            return;
        }
        Forgetting f = Forgetting.between(baseline.measurement(), point.measurement(), images);
        fill(f.images(), f.lost(), f.gained(), f.classDelta(), baseline.measurement().predictions(),
                point.measurement().predictions());
    }

    /** Names classes by these names from now on (the model's input settings changed); clears what is shown. */
    public void useClassNames(List<String> names) {
        this.classNames = List.copyOf(names);
        clear();
    }

    /** Back to the empty state, for example when the point was deleted. */
    public void clear() {
        images = null;
        title.set("");
        note.set("Select a point to see what it forgot against the baseline.");
        sameImages.set(true);
        comparable.set(false);
        fill(0, List.of(), List.of(), new double[0], null, null);
    }

    private void fill(int images, List<Integer> lostImages, List<Integer> gainedImages, double[] delta, byte[] before,
                      byte[] after) {
        compared.set(images);
        lost.set(lostImages.size());
        gained.set(gainedImages.size());
        classDelta.set(delta);
        lostShown.setAll(flips(lostImages, before, after));
        gainedShown.setAll(flips(gainedImages, before, after));
    }

    private List<Flip> flips(List<Integer> indices, byte[] before, byte[] after) {
        return indices.stream().limit(shown)
                .map(i -> new Flip(i, images.label(i), before[i] & 0xff, after[i] & 0xff)).toList();
    }

    public String className(int index) {
        return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
    }

    public List<String> classNames(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(this::className).toList();
    }

    /** What a tile's tooltip says: the image, its true class and both predictions. */
    public String describe(Flip f) {
        return String.format(Locale.ROOT, "Image %d, a %s: the baseline said %s, this point says %s", f.index(),
                className(f.truth()), className(f.before()), className(f.after()));
    }

    /** "Lost: right before, wrong after: 127 images (48 shown)". */
    public String heading(boolean lostImages) {
        int count = lostImages ? lost.get() : gained.get();
        int showing = (lostImages ? lostShown : gainedShown).size();
        String what = lostImages ? "Lost: right before, wrong after" : "Gained: wrong before, right after";
        String images = String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "image" : "images");
        return what + ": " + images + (showing < count ? String.format(Locale.ROOT, " (%,d shown)", showing) : "");
    }

    /** The evaluation images of the point shown, for drawing the tiles; null before a point is shown. */
    public LabeledImages images() {
        return images;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty sameImagesProperty() {
        return sameImages;
    }

    public ReadOnlyBooleanProperty comparableProperty() {
        return comparable;
    }

    public ReadOnlyIntegerProperty comparedProperty() {
        return compared;
    }

    public ReadOnlyIntegerProperty lostProperty() {
        return lost;
    }

    public ReadOnlyIntegerProperty gainedProperty() {
        return gained;
    }

    public ReadOnlyObjectProperty<double[]> classDeltaProperty() {
        return classDelta;
    }

    /** The first lost images, at most the cap. */
    public ObservableList<Flip> lostShown() {
        return lostView;
    }

    public ObservableList<Flip> gainedShown() {
        return gainedView;
    }
}
