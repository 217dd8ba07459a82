package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A tree-structured Parzen estimator, written from Bergstra, Bardenet, Bengio and Kégl, "Algorithms for
 * Hyper-Parameter Optimization" (NIPS 2011): after {@code startup} random candidates, the observations are split at
 * the {@code gamma} quantile of their loss into good and bad; each knob gets a Parzen density l from the good ones and
 * g from the bad ones (see {@link ParzenDensity}); {@code samples} candidates are drawn from l and the one with the
 * largest l(x)/g(x) (the product over knobs, the knobs taken as independent) is proposed, which maximises the
 * expected improvement under that model. Each proposal draws from a generator seeded by the seed, the number of
 * observations and the proposal's place in its batch: the same seed and the same measured values give the same
 * sequence.
 */
public final class TpeStrategy implements SearchStrategy {
    private final SearchSpace space;
    private final long seed;
    private final Settings settings;

    /**
     * @param gamma the share of observations taken as good (the paper's γ quantile)
     * @param samples candidates drawn from l for each proposal
     * @param startup random candidates before the model is used
     */
    public record Settings(double gamma, int samples, int startup) {
        public static final Settings DEFAULT = new Settings(0.25, 24, 10);

        public Settings {
            if (!(gamma > 0 && gamma < 1) || samples < 1 || startup < 2) {
                throw new IllegalArgumentException("TPE needs 0 < gamma < 1, at least one sample and two start-up"
                        + " candidates");
            }
        }
    }

    public TpeStrategy(SearchSpace space, long seed) {
        this(space, seed, Settings.DEFAULT);
    }

    public TpeStrategy(SearchSpace space, long seed, Settings settings) {
        this.space = space;
        this.seed = seed;
        this.settings = settings;
    }

    @Override
    public List<List<Double>> propose(List<Observation> history, int count) {
        Set<List<Double>> seen = new HashSet<>();
        history.forEach(o -> seen.add(o.candidate()));
        List<List<Double>> out = new ArrayList<>();
        if (history.size() < settings.startup()) {
            Random random = Seeds.random(seed, history.size(), 0);
            while (out.size() < count) {
                List<Double> c = RandomStrategy.draw(space, random, seen);
                if (c == null) {
                    break;
                }
                out.add(c);
            }
            return out;
        }
        Model model = model(history);
        for (int j = 0; j < count; j++) {
            Random random = Seeds.random(seed, history.size(), j + 1);
            List<Double> best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < settings.samples(); s++) {
                List<Double> c = model.drawGood(random);
                if (seen.contains(c)) {
                    continue;
                }
                double score = model.score(c);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            if (best == null) {
                best = RandomStrategy.draw(space, random, seen);
                if (best == null) {
                    break;
                }
            }
            seen.add(best);
            out.add(best);
        }
        return out;
    }

    /** The good and bad densities of every knob, from the observations split at the gamma quantile. */
    Model model(List<Observation> history) {
        List<Observation> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparingDouble(Observation::loss)); // stable: ties keep their order
        int good = Math.max(1, Math.min(sorted.size() - 1, (int) Math.ceil(settings.gamma() * sorted.size())));
        List<ParzenDensity> l = new ArrayList<>();
        List<ParzenDensity> g = new ArrayList<>();
        for (int d = 0; d < space.dimensions(); d++) {
            int dim = d;
            l.add(new ParzenDensity(space.knobs().get(d),
                    sorted.subList(0, good).stream().map(o -> o.candidate().get(dim)).toList()));
            g.add(new ParzenDensity(space.knobs().get(d),
                    sorted.subList(good, sorted.size()).stream().map(o -> o.candidate().get(dim)).toList()));
        }
        return new Model(l, g);
    }

    /** l and g per knob. */
    record Model(List<ParzenDensity> good, List<ParzenDensity> bad) {
        List<Double> drawGood(Random random) {
            List<Double> c = new ArrayList<>();
            for (ParzenDensity d : good) {
                c.add(d.sample(random));
            }
            return List.copyOf(c);
        }

        /** log l(x) - log g(x). */
        double score(List<Double> c) {
            double s = 0;
            for (int d = 0; d < c.size(); d++) {
                s += good.get(d).logDensity(c.get(d)) - bad.get(d).logDensity(c.get(d));
            }
            return s;
        }
    }

    @Override
    public String name() {
        return "tpe";
    }
}
