package org.paretowb.views.layers;

import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;
import org.paretowb.services.evaluate.Int8Planner;
import org.paretowb.services.evaluate.LayerProfiler;

/**
 * State of the "int8 per layer" view: ONNX Runtime's per-layer kernel times, fp32 against int8, the
 * whole-network timings of the candidate layer sets, and which layers "where it pays" chose.
 */
public final class LayerProfileViewModel {
    private final MeasuringSession session;
    private final Supplier<Recipe> staticRecipe;
    private final ObservableList<LayerProfiler.LayerTime> layers = FXCollections.observableArrayList();
    private final ObservableList<Int8Planner.Option> options = FXCollections.observableArrayList();
    private final StringProperty chosen = new SimpleStringProperty("");
    private static final String READY = "Profile the loaded model to see which layers int8 kernels speed up on this"
            + " machine.";
    private final JobState job;
    private final StringProperty profiled = new SimpleStringProperty("");
    private java.util.function.Function<Recipe, Optional<Double>> measuredP50 = recipe -> Optional.empty();

    /** @param staticRecipe the recipe to profile: the knobs' recipe with static int8 quantization */
    public LayerProfileViewModel(MeasuringSession session, Executor fxThread, Supplier<Recipe> staticRecipe) {
        this.session = session;
        this.job = new JobState(fxThread, null, READY);
        this.staticRecipe = staticRecipe;
    }

    /**
     * Where the batch-1 p50 measured for a recipe is found (the points of this session), so the view can set the
     * profiled layer times beside the network's own measured time.
     */
    public void measuredP50(java.util.function.Function<Recipe, Optional<Double>> lookup) {
        this.measuredP50 = lookup;
    }

    /** Calibrates, profiles every layer in fp32 and int8, and times the candidate sets, on the compute lane. */
    public void profile() {
        Recipe recipe = staticRecipe.get();
        profiled.set("Profiling " + recipe.summary() + "…");
        MeasuringSession.Handle<Optional<Int8Planner.Plan>> handle = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> m.main().int8Plan(recipe, token));
        LaneTask.<Optional<Int8Planner.Plan>>measuring("Profile", job, session)
                .onSucceeded(result -> finished(recipe, result.value()))
                .start("Calibrating and profiling every layer on ONNX Runtime, fp32 and int8…", handle.result(),
                        handle::cancel);
    }

    public void cancel() {
        job.cancelAll();
    }

    /** Forgets the profile (the window started over on other inputs). */
    public void clear() {
        layers.clear();
        options.clear();
        chosen.set("");
        profiled.set("");
        job.statusProperty().set(READY);
    }

    private void finished(Recipe recipe, Optional<Int8Planner.Plan> plan) {
        if (plan.isEmpty()) {
            profiled.set("");
            job.statusProperty().set("The measuring engine runs no int8 kernels: choose ONNX Runtime to profile.");
            return;
        }
        Int8Planner.Plan p = plan.get();
        layers.setAll(p.profile().layers());
        options.setAll(p.options());
        String names = p.chosen().isEmpty() ? "no layer (fp32 is fastest here)" : String.join(", ", new TreeSet<>(p.chosen()));
        chosen.set(names);
        job.statusProperty().set(String.format(Locale.ROOT, "Kernel time per run from ONNX Runtime's profiler, %d runs"
                + " at batch 1 and at batch %d. Where it pays: %s.", p.profile().runs(), p.profile().batch(), names));
        profiled.set(describe(recipe, p.profile(), measuredP50.apply(recipe.toBuilder()
                .quantization(org.paretowb.models.recipe.QuantizationSettings.NONE).build())));
    }

    /**
     * What was profiled (the recipe, the batch sizes), and how the layer times relate to the network's measured
     * time: the profiler times every node with profiling on, each event on its own, so the per-layer times add up
     * to more than one whole run; read the ratios between fp32 and int8, not the absolute times.
     */
    static String describe(Recipe recipe, LayerProfiler.Profile profile, Optional<Double> fp32P50Ms) {
        double fp32 = profile.layers().stream().mapToDouble(LayerProfiler.LayerTime::fp32Batch1).sum();
        double int8 = profile.layers().stream().mapToDouble(LayerProfiler.LayerTime::int8Batch1).sum();
        String measured = fp32P50Ms.map(ms -> String.format(Locale.ROOT, "; the whole fp32 network measured %.1f µs"
                + " (batch-1 p50 of its point), %.1fx less than the sum of its layers", ms * 1000,
                fp32 / (ms * 1000))).orElse("; measure the fp32 point of this recipe to compare with the whole"
                + " network's batch-1 p50");
        return String.format(Locale.ROOT, "Profiled: %s, static int8 calibrated on this recipe, at batch 1 and at"
                + " batch %d (%d runs each). Sum of the layers at batch 1: fp32 %.1f µs, int8 %.1f µs%s. The"
                + " profiler times each node separately with profiling on (a few µs of overhead per node, no overlap"
                + " between nodes), so layer times add up to more than a whole run: compare int8 with fp32 per layer"
                + " (the ratios), and the candidate sets below, which are timed as whole networks.",
                recipe.summary(), profile.batch(), profile.runs(), fp32, int8, measured);
    }

    /** What the profile shown describes: the recipe and batch sizes, and how its times relate to the network's. */
    public StringProperty profiledProperty() {
        return profiled;
    }

    public ObservableList<LayerProfiler.LayerTime> layers() {
        return layers;
    }

    public ObservableList<Int8Planner.Option> options() {
        return options;
    }

    public StringProperty chosenProperty() {
        return chosen;
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }
}
