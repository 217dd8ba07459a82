package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * The search for the balance point: the best figure of the {@link Goal}'s objective within its accuracy budget. In
 * each round the strategy proposes a batch of candidates; with successive halving they are measured on the first
 * {@code subsetSamples} images, and the best {@code 1/eta} of them (by loss, among those whose subset drop is within
 * the budget plus {@code slackPoints}) are measured again on the full set; without it, on the full set directly. The
 * accuracy budget is judged against the baseline measured on the same images. The answer is always a full-set
 * measurement. Every measurement counts as one evaluation (the baselines do not).
 */
public final class BalanceSearch {
    private final SearchSpace space;
    private final Goal goal;
    private final SearchStrategy strategy;
    private final CandidateEvaluator evaluator;
    private final Settings settings;

    /**
     * @param maxEvaluations measurements the search may make (subset and full set alike)
     * @param batch candidates proposed per round
     * @param subsetSamples images of the first rung of successive halving; 0 (or the full set's size) turns it off
     * @param eta one candidate in eta (rounded up) goes on to the full set
     * @param slackPoints a subset drop this far over the budget still lets a candidate go on (the subset's error)
     */
    public record Settings(int maxEvaluations, int batch, int subsetSamples, int eta, double slackPoints) {
        public Settings {
            if (maxEvaluations < 1 || batch < 1 || subsetSamples < 0 || eta < 1 || slackPoints < 0) {
                throw new IllegalArgumentException("a search needs at least one evaluation and one candidate per round,"
                        + " a subset of 0 or more images, eta of 1 or more and a slack of 0 or more points");
            }
        }

        /** Full-set measurements only, one candidate per round. */
        public static Settings fullSetOnly(int maxEvaluations) {
            return new Settings(maxEvaluations, 1, 0, 1, 0);
        }
    }

    public BalanceSearch(SearchSpace space, Goal goal, SearchStrategy strategy, CandidateEvaluator evaluator,
                         Settings settings) {
        this.space = space;
        this.goal = goal;
        this.strategy = strategy;
        this.evaluator = evaluator;
        this.settings = settings;
    }

    public SearchResult run(SearchListener listener, CancelToken cancel) {
        return new Run(listener, cancel).run();
    }

    /** One run's state. */
    private final class Run {
        private final SearchListener listener;
        private final CancelToken cancel;
        private final boolean halving = settings.subsetSamples() > 0
                && settings.subsetSamples() < evaluator.fullSetSize();
        private final Map<List<Double>, Trial> latest = new LinkedHashMap<>();
        private final Map<Recipe, CandidateEvaluator.Measured> memo = new HashMap<>();
        private final List<Trial> trials = new ArrayList<>();
        private CandidateEvaluator.Measured baseline;
        private CandidateEvaluator.Measured subsetBaseline;
        private Trial best;

        Run(SearchListener listener, CancelToken cancel) {
            this.listener = listener;
            this.cancel = cancel;
        }

        SearchResult run() {
            baseline = one(Recipe.BASELINE, 0);
            subsetBaseline = halving ? one(Recipe.BASELINE, settings.subsetSamples()) : null;
            boolean exhausted = false;
            while (trials.size() < settings.maxEvaluations()) {
                cancel.check();
                int count = roundSize(settings.maxEvaluations() - trials.size());
                if (count == 0) {
                    break;
                }
                List<List<Double>> proposed = strategy.propose(observations(), count);
                if (proposed.isEmpty()) {
                    exhausted = true;
                    break;
                }
                if (halving) {
                    List<Trial> rung = evaluate(proposed, settings.subsetSamples(), subsetBaseline, false);
                    List<List<Double>> promoted = promote(rung, settings.maxEvaluations() - trials.size());
                    evaluate(promoted, 0, baseline, true);
                } else {
                    evaluate(proposed, 0, baseline, true);
                }
            }
            return new SearchResult(goal, baseline, trials, best, exhausted);
        }

        /** Candidates this round, so that with halving their promoted share still fits in what is left. */
        private int roundSize(int left) {
            int count = Math.min(settings.batch(), left);
            while (halving && count > 0 && count + ceilDiv(count, settings.eta()) > left) {
                count--;
            }
            return count;
        }

        private List<Observation> observations() {
            return latest.values().stream().map(t -> new Observation(t.candidate(), t.loss())).toList();
        }

        private List<List<Double>> promote(List<Trial> rung, int left) {
            int keep = Math.min(left, ceilDiv(rung.size(), settings.eta()));
            return rung.stream()
                    .filter(t -> t.dropPoints() <= goal.maxDropPoints() + settings.slackPoints() + 1e-9)
                    .sorted(Comparator.comparingDouble(Trial::loss))
                    .limit(keep)
                    .map(Trial::candidate)
                    .toList();
        }

        private List<Trial> evaluate(List<List<Double>> candidates, int samples, CandidateEvaluator.Measured base,
                                     boolean fullSet) {
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Recipe> recipes = candidates.stream().map(space::recipe).toList();
            CandidateEvaluator.Measured[] measured = new CandidateEvaluator.Measured[recipes.size()];
            List<Recipe> fresh = new ArrayList<>();
            List<Integer> where = new ArrayList<>();
            for (int i = 0; i < recipes.size(); i++) {
                CandidateEvaluator.Measured known = fullSet ? memo.get(recipes.get(i)) : null;
                if (known != null) {
                    measured[i] = known;
                } else if (!fresh.contains(recipes.get(i))) {
                    fresh.add(recipes.get(i));
                    where.add(i);
                }
            }
            if (!fresh.isEmpty()) {
                evaluator.measure(fresh, samples, (i, m) -> measured[where.get(i)] = m, cancel);
            }
            List<Trial> done = new ArrayList<>();
            for (int i = 0; i < recipes.size(); i++) {
                CandidateEvaluator.Measured m = measured[i] != null ? measured[i]
                        : measured[where.get(fresh.indexOf(recipes.get(i)))];
                if (m == null) {
                    throw new IllegalStateException("the evaluator did not report candidate " + i + " of its batch");
                }
                if (fullSet) {
                    memo.putIfAbsent(recipes.get(i), m);
                }
                done.add(record(candidates.get(i), recipes.get(i), m, base, fullSet));
            }
            return done;
        }

        private Trial record(List<Double> candidate, Recipe recipe, CandidateEvaluator.Measured m,
                             CandidateEvaluator.Measured base, boolean fullSet) {
            double drop = Goal.dropPoints(m.measurement(), base.measurement());
            Trial t = new Trial(trials.size() + 1, candidate, recipe, fullSet, m, drop,
                    goal.meets(m.measurement(), base.measurement()), goal.loss(m.measurement(), base.measurement()),
                    goal.objective().value(m.measurement()));
            trials.add(t);
            latest.put(t.candidate(), t);
            if (fullSet && t.meets() && (best == null || t.loss() < best.loss())) {
                best = t;
            }
            listener.evaluated(t, trials.size(), settings.maxEvaluations(), best);
            return t;
        }

        private CandidateEvaluator.Measured one(Recipe recipe, int samples) {
            CandidateEvaluator.Measured[] out = new CandidateEvaluator.Measured[1];
            evaluator.measure(List.of(recipe), samples, (i, m) -> out[0] = m, cancel);
            if (out[0] == null) {
                throw new IllegalStateException("the evaluator did not report the baseline");
            }
            return out[0];
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
