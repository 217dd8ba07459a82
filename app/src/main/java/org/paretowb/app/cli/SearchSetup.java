package org.paretowb.app.cli;

import java.nio.file.Path;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.search.CandidateEvaluator;
import org.paretowb.services.search.Knob;
import org.paretowb.services.search.MeasurerEvaluator;
import org.paretowb.services.search.SearchSpace;
import org.paretowb.services.search.SpaceFile;
import org.paretowb.services.search.SpaceFileException;
import org.paretowb.services.search.StoredEvaluator;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.UserError;

/**
 * What {@code search} and {@code bench search} measure with: the model and data read, an ONNX Runtime measurer
 * warmed up, and, with a workspace, every candidate read from or saved to it.
 */
final class SearchSetup implements AutoCloseable {
    final ModelSource model;
    final PointContext context;
    final CandidateEvaluator evaluator;
    private final Workspace workspace;
    private final RecipeBatchLane lane;

    /** @param lane the remote lane the evaluator measures on, closed with the setup; null for none */
    SearchSetup(ModelSource model, PointContext context, CandidateEvaluator evaluator, Workspace workspace,
                RecipeBatchLane lane) {
        this.model = model;
        this.context = context;
        this.evaluator = evaluator;
        this.workspace = workspace;
        this.lane = lane;
    }

    /** The space of {@code --space FILE}, or the built-in one; a file that cannot be used is one line, exit 2. */
    static SearchSpace space(Path file) {
        if (file == null) {
            return SearchSpace.standard();
        }
        try {
            return SpaceFile.read(file);
        } catch (SpaceFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * Reads the model and data (a CSV or --eval-share split made with seed 1, whatever the search's seed, so that
     * every seed measures on the same images), checks that the space's training needs are met, opens the workspace
     * (null: none) and warms the measurer up.
     */
    static SearchSetup open(ModelSource given, DataOptions dataOptions, SearchSpace space, Path workspaceFile) {
        DataOptions.Loaded data = dataOptions.load(given, 1);
        ModelSource model = data.model();
        LabeledImages evaluation = data.evaluation();
        boolean trains = trains(space);
        if (trains && !data.training().available()) {
            throw new UserError("the search space calibrates static int8 or fine-tunes, and there is no training data: "
                    + data.training().missing() + ". Give --train-data, or a --space without static-int8 and"
                    + " finetune-epochs");
        }
        Workspace workspace = workspaceFile == null ? null : Workspace.open(workspaceFile);
        PointContext context = ExampleSession.context(model.title(), model.weights(), evaluation, dataOptions.builtIn());
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        RecipeApplier applier = trains
                ? ExampleSession.fineTuningApplier(runtime, (e, n, l, a, ms) -> { }, data.training())
                : new RecipeApplier();
        PointMeasurer measurer = ExampleSession.measurer(Flags.engine("onnxruntime", runtime, evaluation),
                model.weights(), 0, applier, evaluation);
        measurer.warmUp(CancelToken.NEVER);
        CandidateEvaluator evaluator = new MeasurerEvaluator(measurer);
        if (workspace != null) {
            evaluator = new StoredEvaluator(workspace, context, evaluator);
        }
        return new SearchSetup(model, context, evaluator, workspace, null);
    }

    /** Whether some candidate of the space calibrates (static int8) or fine-tunes. */
    static boolean trains(SearchSpace space) {
        for (Knob k : space.knobs()) {
            if (k.name().equals("quant") && k.labels().stream().anyMatch(l -> l.startsWith("static"))) {
                return true;
            }
            if (k.name().equals("finetune-epochs") && k.values().stream().anyMatch(v -> v > 0)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            if (lane != null) {
                lane.close();
            }
        } finally {
            if (workspace != null) {
                workspace.close();
            }
        }
    }
}
