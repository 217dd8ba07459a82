package org.paretowb.models.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

/**
 * What a point gained against the baseline, nominally (what its counts promise) beside what was measured,
 * each as a factor "baseline over point", so 2.0 means half the non-zeros, half the bytes, or twice as fast.
 * Compression is sold on its counts; this says where the file or the clock did not follow, and why.
 *
 * <p>Storage pairs the non-zeros gain with the size gain. Compute pairs the nominal compute gain, the MACs
 * gain times the density gain (MACs by a non-zero weight, zeros taken as spread evenly: a skipped zero is a
 * skipped multiply, nominally), with the batch-1 p50 latency gain. Where a pair
 * differs by more than the tolerance, {@link #cause()} says why in one line, from the recipe and the
 * measurement's provenance; when both pairs agree it is empty.
 *
 * @param nonZerosGain baseline non-zero parameters over the point's
 * @param macsGain baseline multiply-accumulates per image over the point's
 * @param nominalComputeGain the MACs gain times the gain in density (the share of parameters that are not zero)
 * @param sizeGain baseline bytes written over the point's
 * @param latencyGain baseline batch-1 p50 over the point's: the baseline timed in the same rounds where it was,
 *                    else the baseline point's of the same session; NaN when the point is of another session
 * @param cause why nominal and measured differ, or "" when they agree within the tolerance
 * @param latency whether the latency gain is a measurable difference (the p50s' intervals separate)
 */
public record Gains(double nonZerosGain, double macsGain, double nominalComputeGain, double sizeGain, double latencyGain,
                    String cause, LatencyComparison latency) {
    /** Run-to-run spread of batch-1 p50 on a 2-core VM is about ±15% (see the README): closer is agreement. */
    public static final double DEFAULT_TOLERANCE = 0.15;

    public Gains {
        cause = cause == null ? "" : cause;
    }

    /** The point against the baseline, with the default tolerance. */
    public static Gains of(EvaluatedPoint baseline, EvaluatedPoint point) {
        return of(baseline, point, DEFAULT_TOLERANCE);
    }

    /**
     * @param tolerance how far apart (as a fraction, 0.15 for 15%) a nominal and a measured gain may be and
     *                  still agree
     */
    public static Gains of(EvaluatedPoint baseline, EvaluatedPoint point, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
        Measurement b = baseline.measurement();
        Measurement p = point.measurement();
        double nonZeros = ratio(b.nonZeros(), p.nonZeros());
        double macs = ratio(b.macs(), p.macs());
        double density = ratio((double) b.nonZeros() / b.parameters(), (double) p.nonZeros() / p.parameters());
        double compute = macs * density;
        double size = ratio(b.sizeBytes(), p.sizeBytes());
        LatencyComparison comparison = LatencyComparison.of(baseline, point);
        double latency = comparison.gain();
        Gains figures = new Gains(nonZeros, macs, compute, size, latency, "", comparison);
        String cause = new Causes(figures, point.recipe(), b.how(), p.how(), tolerance).explain();
        return new Gains(nonZeros, macs, compute, size, latency, cause, comparison);
    }

    /** What the counts promise for storage: the non-zeros gain. */
    public double nominalStorage() {
        return nonZerosGain;
    }

    /** Whether the measured gains differ from the nominal ones beyond the tolerance. */
    public boolean differs() {
        return !cause.isEmpty();
    }

    /** A factor as a person reads it: "10.0x", "1.00x", "0.61x"; "n/a" when it could not be computed. */
    public static String factor(double gain) {
        if (!Double.isFinite(gain)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, gain >= 9.95 ? "%.1fx" : "%.2fx", gain);
    }

    private static double ratio(double baseline, double point) {
        return baseline > 0 && point > 0 ? baseline / point : Double.NaN;
    }

    /** The one-line explanations, one per pair that differs. */
    private record Causes(Gains g, Recipe recipe, Provenance baseline, Provenance point, double tolerance) {

        String explain() {
            List<String> parts = new ArrayList<>();
            String storage = storage();
            String compute = compute();
            if (simulatedActivations() && !(compute.isEmpty() && storage.isEmpty()) && !compute.contains("comparable")) {
                // int8 activations promise integer arithmetic: say first that none ran
                compute = "simulated int" + recipe.quantization().bits() + ": fake-quantized fp32 kernels, no speed-up";
            }
            if (!compute.isEmpty()) {
                parts.add(compute);
            }
            if (!storage.isEmpty()) {
                parts.add(storage);
            }
            return String.join("; ", parts);
        }

        private String compute() {
            if (!baseline.engine().equals(point.engine()) || baseline.latencyThreads() != point.latencyThreads()) {
                return "latency measured on another engine or thread count than the baseline's: not comparable";
            }
            if (g.latency().kind() == LatencyComparison.Kind.NOT_COMPARABLE) {
                return "latency " + g.latency().basis() + ": not compared";
            }
            double nominal = g.nominalComputeGain();
            // a difference the intervals cannot tell from noise is no gain: compare the counts with 1x then
            double measured = g.latency().kind() == LatencyComparison.Kind.NO_MEASURABLE_DIFFERENCE ? 1 : g.latencyGain();
            if (agree(measured, nominal)) {
                return "";
            }
            QuantizationSettings q = recipe.quantization();
            boolean slower = measured < nominal;
            if (slower && q.active() && point.realKernels() && q.mode() != QuantizationSettings.Mode.WEIGHT
                    && measured < 1) {
                return "real int8 kernels, slower here: quantize steps and layout changes cost more than the"
                        + " integer arithmetic saves";
            }
            if (slower && recipe.pruning().active() && g.nominalComputeGain() > g.macsGain() * (1 + tolerance)) {
                return "unstructured sparsity: dense kernels store and run every zero, no speed-up";
            }
            if (slower) {
                return "fewer MACs than the speed-up shows: batch-1 time of a small network is mostly per-operator"
                        + " overhead";
            }
            if (q.active() && point.realKernels() && q.mode() != QuantizationSettings.Mode.WEIGHT) {
                return "real int8 kernels: integer arithmetic beats fp32 at the same MAC count";
            }
            return "faster than the counts promise: batch-1 timings vary from run to run";
        }

        private String storage() {
            double nominal = g.nominalStorage();
            if (agree(g.sizeGain(), nominal)) {
                return "";
            }
            QuantizationSettings q = recipe.quantization();
            if (g.sizeGain() > nominal && q.active()) {
                return q.mode() == QuantizationSettings.Mode.WEIGHT
                        ? "int" + q.bits() + " weights packed: smaller file, same fp32 compute"
                        : "int" + q.bits() + " weights packed: smaller file";
            }
            if (g.sizeGain() < nominal && recipe.pruning().active() && agree(g.sizeGain(), 1)) {
                return "dense file: its format stores every zero (a TorchScript .pt), so pruning does not shrink it";
            }
            if (g.sizeGain() < nominal && recipe.pruning().active()) {
                return "sparse file: a bitmap of non-zero positions is written beside the values";
            }
            return g.sizeGain() < nominal
                    ? "file larger than the non-zeros promise: shapes, headers and dense tensors"
                    : "file smaller than the non-zeros promise";
        }

        /** Static or dynamic quantization whose integer kernels did not run (fp32 kernels on quantized values). */
        private boolean simulatedActivations() {
            QuantizationSettings q = recipe.quantization();
            return q.active() && q.mode() != QuantizationSettings.Mode.WEIGHT && !point.realKernels();
        }

        private boolean agree(double measured, double nominal) {
            if (!Double.isFinite(measured) || !Double.isFinite(nominal)) {
                return true; // nothing to compare: say nothing rather than guess
            }
            double spread = Math.max(measured, nominal) / Math.min(measured, nominal);
            return spread <= 1 + tolerance;
        }
    }
}
