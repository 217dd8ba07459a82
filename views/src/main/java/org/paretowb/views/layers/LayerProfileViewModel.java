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

    /** @param staticRecipe the recipe to profile: the knobs' recipe with static int8 quantization */
    public LayerProfileViewModel(MeasuringSession session, Executor fxThread, Supplier<Recipe> staticRecipe) {
        this.session = session;
        this.job = new JobState(fxThread, null, READY);
        this.staticRecipe = staticRecipe;
    }

    /** Calibrates, profiles every layer in fp32 and int8, and times the candidate sets, on the compute lane. */
    public void profile() {
        Recipe recipe = staticRecipe.get();
        MeasuringSession.Handle<Optional<Int8Planner.Plan>> handle = session.submit(MeasuringSession.Order.QUEUED,
                (m, token) -> m.main().int8Plan(recipe, token));
        LaneTask.<Optional<Int8Planner.Plan>>measuring("Profile", job, session)
                .onSucceeded(result -> finished(result.value()))
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
        job.statusProperty().set(READY);
    }

    private void finished(Optional<Int8Planner.Plan> plan) {
        if (plan.isEmpty()) {
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
