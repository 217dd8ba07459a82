package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paretowb.models.recipe.Recipe;

/**
 * The knobs a search turns and their ranges or choices. A candidate is a list of coordinates, one per knob in this
 * space's order (see {@link Knob}); {@link #recipe} turns it into the recipe that is measured.
 */
public record SearchSpace(List<Knob> knobs) {

    public SearchSpace {
        knobs = List.copyOf(knobs);
        if (knobs.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one knob");
        }
        Set<String> seen = new HashSet<>();
        for (Knob k : knobs) {
            RecipeKnobs.check(k);
            if (!seen.add(k.name())) {
                throw new IllegalArgumentException("knob '" + k.name() + "' is given twice");
            }
        }
    }

    /**
     * The built-in space: unstructured pruning 0–0.9, channel removal 0–0.6 (10 and 7 grid steps: every 0.1),
     * low-rank of the hidden dense layers at 1, 0.75, 0.5 or 0.25 of their parameters, and weights in fp32, int8,
     * int4, int2 or static int8 on every layer. Fine-tuning is off (one epoch of the example CNN takes about 30 s
     * here): a space file turns it on with finetune-epochs and finetune-lr.
     */
    public static SearchSpace standard() {
        return new SearchSpace(List.of(
                Knob.range("structured", 0, 0.6, false, 7),
                Knob.ordinal("rank", List.of(1.0, 0.75, 0.5, 0.25)),
                Knob.range("prune", 0, 0.9, false, 10),
                Knob.categorical("quant", List.of("fp32", "int8", "int4", "int2", "static-int8"))));
    }

    public int dimensions() {
        return knobs.size();
    }

    /** The recipe a candidate stands for. */
    public Recipe recipe(List<Double> candidate) {
        return RecipeKnobs.recipe(settings(candidate));
    }

    /** A candidate's settings by knob name: numbers, or the label of a categorical knob. */
    public Map<String, Object> settings(List<Double> candidate) {
        if (candidate.size() != knobs.size()) {
            throw new IllegalArgumentException("a candidate of this space has " + knobs.size() + " coordinates, not "
                    + candidate.size());
        }
        Map<String, Object> s = new LinkedHashMap<>();
        for (int i = 0; i < knobs.size(); i++) {
            Knob k = knobs.get(i);
            s.put(k.name(), k.kind() == Knob.Kind.CATEGORICAL ? k.label(candidate.get(i)) : k.number(candidate.get(i)));
        }
        return s;
    }

    /** Every candidate of the grid, the last knob varying fastest. */
    public List<List<Double>> grid() {
        List<List<Double>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Knob k : knobs) {
            List<List<Double>> next = new ArrayList<>();
            for (List<Double> c : combos) {
                for (double v : k.grid()) {
                    List<Double> e = new ArrayList<>(c);
                    e.add(v);
                    next.add(List.copyOf(e));
                }
            }
            combos = next;
        }
        return combos;
    }

    /** The size of the grid. */
    public long gridSize() {
        long n = 1;
        for (Knob k : knobs) {
            n *= k.grid().size();
        }
        return n;
    }

    /** This space with every range replaced by its grid values: the candidates the grid has, and only those. */
    public SearchSpace discretised() {
        return new SearchSpace(knobs.stream().map(Knob::discretised).toList());
    }
}
