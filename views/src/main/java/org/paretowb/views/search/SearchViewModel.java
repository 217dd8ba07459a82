package org.paretowb.views.search;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.search.BalanceSearch;
import org.paretowb.services.search.Goal;
import org.paretowb.services.search.GridStrategy;
import org.paretowb.services.search.MeasurerEvaluator;
import org.paretowb.services.search.Objective;
import org.paretowb.services.search.RandomStrategy;
import org.paretowb.services.search.SearchResult;
import org.paretowb.services.search.SearchSpace;
import org.paretowb.services.search.SearchStrategy;
import org.paretowb.services.search.TpeStrategy;
import org.paretowb.services.search.Trial;
import org.paretowb.views.common.JobState;
import org.paretowb.views.common.LaneTask;
import org.paretowb.views.workbench.HistoryViewModel;

/**
 * The Search tab: the balance search ({@link BalanceSearch}) as a job on the window's lane. The user states the
 * budget (the largest accuracy drop, in points on the full evaluation set) and what to minimise; every candidate
 * becomes a point of the window (table, charts, workspace), so a search stopped or lost with the window starts again
 * from the points it has; progress, the best so far and Cancel as for any job.
 */
public final class SearchViewModel {
    /** The strategies a user picks from. */
    public enum Strategy { TPE, RANDOM, GRID }

    /** Subset rung of successive halving: candidates are first measured on this many images. */
    static final int SUBSET = 1000;

    private final MeasuringSession session;
    private final Executor fxThread;
    private final HistoryViewModel history;
    private final JobState job;
    private final DoubleProperty maxDrop = new SimpleDoubleProperty(1.0);
    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(Objective.LATENCY);
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.TPE);
    private final IntegerProperty evaluations = new SimpleIntegerProperty(60);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final ObjectProperty<Trial> best = new SimpleObjectProperty<>();
    private final ObjectProperty<Trial> trial = new SimpleObjectProperty<>();
    private final ObjectProperty<SearchResult> result = new SimpleObjectProperty<>();
    private final DoubleProperty budgetLine = new SimpleDoubleProperty(Double.NaN);

    public SearchViewModel(MeasuringSession session, Executor fxThread, HistoryViewModel history) {
        this.session = session;
        this.fxThread = fxThread;
        this.history = history;
        this.job = new JobState(fxThread, null, "State the budget and what to minimise, then press Search.");
    }

    /** The budget as the window's goal; a value out of range throws with a message a user can read. */
    public Goal goal() {
        return new Goal(objective.get(), maxDrop.get());
    }

    /** Starts the search; false (with the reason in the status) when a setting is invalid or a search runs. */
    public boolean start() {
        Goal goal;
        try {
            goal = goal();
            if (evaluations.get() < 1) {
                throw new IllegalArgumentException("a search needs at least one evaluation");
            }
        } catch (IllegalArgumentException e) {
            job.statusProperty().set("Cannot search: " + e.getMessage());
            return false;
        }
        if (job.busyProperty().get()) {
            return false;
        }
        best.set(null);
        trial.set(null);
        budgetLine.set(Double.NaN);
        result.set(null);
        job.progress(0);
        // the grid walks the space's grid values, and the search maps candidates to recipes through the same space
        SearchSpace space = strategy.get() == Strategy.GRID ? SearchSpace.standard().discretised()
                : SearchSpace.standard();
        int budget = evaluations.get();
        SearchStrategy chosen = switch (strategy.get()) {
            case TPE -> new TpeStrategy(space, seed.get());
            case RANDOM -> new RandomStrategy(space, seed.get());
            case GRID -> new GridStrategy(space);
        };
        List<org.paretowb.models.measure.EvaluatedPoint> points = List.copyOf(history.points());
        MeasuringSession.Handle<SearchResult> handle = session.submit(MeasuringSession.Order.QUEUED, (m, token) -> {
            WindowEvaluator evaluator = new WindowEvaluator(new MeasurerEvaluator(m.main()), history, fxThread,
                    m.stamp(), points);
            BalanceSearch search = new BalanceSearch(space, goal, chosen, evaluator,
                    new BalanceSearch.Settings(budget, 6, SUBSET, 3, 2.0));
            return search.run((trial, done, of, bestSoFar) -> fxThread.execute(() -> {
                job.progress((double) done / of);
                best.set(bestSoFar);
                this.trial.set(trial);
                if (trial.fullSet() && Double.isNaN(budgetLine.get())) { // the baseline's full-set top-1, less the budget
                    budgetLine.set(trial.measured().measurement().accuracy() * 100 + trial.dropPoints()
                            - goal.maxDropPoints());
                }
                job.statusProperty().set(progress(trial, done, of, bestSoFar, goal));
            }), token);
        });
        LaneTask.<SearchResult>measuring("Search", job, session)
                .whenCancelledSay(" (its points so far are kept: Search again resumes from them)")
                .onSucceeded(done -> {
                    job.progress(1);
                    result.set(done.value());
                    job.statusProperty().set(summary(done.value()));
                })
                .start("Measuring the baseline on the full set, then searching…", handle.result(), handle::cancel);
        return true;
    }

    static String progress(Trial trial, int done, int of, Trial best, Goal goal) {
        return String.format(Locale.ROOT, "Evaluation %d of %d: %s, %s on %,d images, %s%s", done, of,
                trial.recipe().summary(), goal.objective().format(trial.value()),
                trial.measured().measurement().samples(), drop(trial.dropPoints()),
                best == null ? "; no full-set candidate within the budget yet"
                        : "; best so far: " + describe(best, goal));
    }

    static String summary(SearchResult r) {
        if (r.best() == null) {
            return String.format(Locale.ROOT, "Search done: none of %d evaluations met the budget of %.2f points on"
                    + " the full set; the baseline stays the answer", r.evaluations(), r.goal().maxDropPoints());
        }
        return String.format(Locale.ROOT, "Search done in %d evaluations (%d on the full set, %d read back): %s",
                r.evaluations(), r.fullSetEvaluations(), r.reused(), describe(r.best(), r.goal()));
    }

    static String describe(Trial t, Goal goal) {
        String point = t.measured().point() > 0 ? "point #" + t.measured().point() + ", " : "";
        return String.format(Locale.ROOT, "%s%s, %s (%.2fx of the baseline), %s on the full set", point,
                t.recipe().summary(), goal.objective().format(t.value()), t.loss(), drop(t.dropPoints()));
    }

    private static String drop(double points) {
        return points >= 0 ? String.format(Locale.ROOT, "%.2f points below the baseline", points)
                : String.format(Locale.ROOT, "%.2f points above the baseline", -points);
    }

    public void cancel() {
        job.cancelAll();
    }

    public DoubleProperty maxDropProperty() {
        return maxDrop;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public IntegerProperty evaluationsProperty() {
        return evaluations;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** The best full-set candidate within the budget so far (null while there is none). */
    public ReadOnlyObjectProperty<Trial> bestProperty() {
        return best;
    }

    /**
     * Top-1 in percent that a candidate must reach: the baseline's on the full set less the budget (NaN until the
     * search's first full-set candidate is measured); the window's charts draw it.
     */
    public ReadOnlyDoubleProperty budgetLineProperty() {
        return budgetLine;
    }

    /** The latest evaluation (null before the first). */
    public ReadOnlyObjectProperty<Trial> trialProperty() {
        return trial;
    }

    /** The finished search (null while one runs or none has). */
    public ReadOnlyObjectProperty<SearchResult> resultProperty() {
        return result;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return job.cancellableProperty();
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }
}
