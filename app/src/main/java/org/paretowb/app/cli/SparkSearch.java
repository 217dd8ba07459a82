package org.paretowb.app.cli;

import java.nio.file.Path;
import java.util.UUID;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.search.Goal;
import org.paretowb.services.search.LaneEvaluator;
import org.paretowb.services.search.SearchSpace;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.sweep.RemoteLanes;
import org.paretowb.services.sweep.SweepJob;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.UserError;

/**
 * {@code search --spark MASTER}: the search's candidates measured on a remote lane (the Spark job jar's), one round's
 * candidates as one batch. The answer is ranked on portable figures only (accuracy and bytes or MACs): latency and
 * throughput timed on executors are not comparable with the workstation's, so those objectives are refused. With a
 * workspace every point is saved under an idempotent key of its run, and the same command with the same
 * {@code --run-id} and seed measures only what the workspace does not hold yet.
 */
final class SparkSearch {
    private SparkSearch() {
    }

    /** The refusals that need no data or cluster: an objective timed on the executors, a space that trains. */
    static void check(Goal goal, SearchSpace space) {
        if (!goal.objective().portable()) {
            throw new UserError("--spark: a search on Spark minimises bytes or macs; " + goal.objective().title()
                    + " timed on the executors is not comparable with this machine's, so search it without --spark");
        }
        if (SearchSetup.trains(space)) {
            throw new UserError("--spark: recipes that fine-tune, distil or calibrate (static int8) need training data,"
                    + " which the Spark lane does not ship yet; give a --space without static-int8 and finetune-epochs"
                    + " (services/docs/search-spaces/portable.json), or search without --spark");
        }
    }

    /** Reads the model and data (split with seed 1, as in-process), opens the workspace and the lane on master. */
    static SearchSetup open(org.paretowb.services.usecase.ModelSource given, DataOptions dataOptions, Goal goal,
                            SearchSpace space, Path workspaceFile, String master, String runId) {
        check(goal, space);
        DataOptions.Loaded data = dataOptions.load(given, 1);
        LabeledImages evaluation = data.evaluation();
        PointContext context = ExampleSession.context(data.model().title(), data.model().weights(), evaluation,
                dataOptions.builtIn());
        String run = runId != null ? runId : UUID.randomUUID().toString();
        Workspace workspace = workspaceFile == null ? null : Workspace.open(workspaceFile);
        RecipeBatchLane lane;
        try {
            lane = RemoteLanes.open(master, new SweepJob(run, data.model().weights(), evaluation, 0, "onnxruntime"));
        } catch (RuntimeException e) {
            if (workspace != null) {
                workspace.close();
            }
            throw e;
        }
        System.err.println("run " + run + ": candidates measured on " + lane.describe()
                + (workspace == null ? "" : ", saved to " + workspaceFile + " under the run's keys"));
        LaneEvaluator evaluator = new LaneEvaluator(lane, evaluation.size(),
                new LaneEvaluator.Keys(run, context, workspace));
        return new SearchSetup(data.model(), context, evaluator, workspace, lane);
    }
}
