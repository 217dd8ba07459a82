package org.paretowb.services.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.MeasuringSession;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.export.SettingsStamp;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * Writes a compressed network to a file (atomically) and loads the file back to evaluate it: the reload
 * test every export gets, from the CLI and from the window. Against a measured point, the reloaded accuracy
 * must be the point's to within {@value #MATCH_POINTS} points, on the same images.
 */
public final class ModelExport {
    public static final double MATCH_POINTS = 0.1;

    /** What was written and what the file measured when loaded back. */
    public record Result(Path file, long bytes, ModelFormat format, Set<String> int8Layers, String engine,
                         double accuracy, int images, Double pointAccuracy) {
        public boolean matches() {
            return pointAccuracy == null || Math.abs(accuracy - pointAccuracy) * 100 <= MATCH_POINTS + 1e-9;
        }

        public String describe() {
            String written = String.format(Locale.ROOT, "wrote %s (%,d bytes, %s; int8 layers: %s); reloaded in %s: %.2f%%"
                    + " on %,d images", file, bytes, format.cliName(), int8Layers.isEmpty() ? "none"
                    : String.join(", ", int8Layers), engine, accuracy * 100, images);
            if (pointAccuracy == null) {
                return written;
            }
            return written + String.format(Locale.ROOT, "; the point measured %.2f%% on them: difference %.2f points (%s)",
                    pointAccuracy * 100, Math.abs(accuracy - pointAccuracy) * 100,
                    matches() ? "matches" : "DOES NOT MATCH");
        }
    }

    private final ModelFiles files;

    public ModelExport(ModelFiles files) {
        this.files = files;
    }

    /** The format a file name asks for: .onnx, .djl or .zip (DJL archive), .pwb; null when none. */
    public static ModelFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return ModelFormat.ONNX;
        }
        if (name.endsWith(".djl") || name.endsWith(".zip")) {
            return ModelFormat.DJL;
        }
        return name.endsWith(".pwb") ? ModelFormat.PWB : null;
    }

    /** The layers a measured point ran on int8 kernels (static quantization), which its export runs in int8 too. */
    public static Set<String> int8Of(Recipe recipe, Measurement measured) {
        if (recipe.quantization().mode() != QuantizationSettings.Mode.STATIC) {
            return Set.of();
        }
        return new TreeSet<>(measured.how().int8Layers());
    }

    /**
     * Exports a measured point as a job on a window's session: the session's measurer applies the point's recipe,
     * then {@link #writePoint} writes and reload-tests the file; cancelled, it leaves no file. Completes with a
     * one-line description of the result.
     */
    public MeasuringSession.Handle<String> submit(MeasuringSession session, EvaluatedPoint point,
                                                  ModelSettings settings, Path file) {
        ModelFormat format = formatOf(file);
        return session.submit(MeasuringSession.Order.QUEUED, (measurers, token) -> {
            if (format == null) {
                throw new IllegalArgumentException("the file name must end in .onnx, .djl or .pwb");
            }
            try {
                PointMeasurer measurer = measurers.main();
                WeightSet weights = measurer.apply(point.recipe(), token);
                return writePoint(weights, point, settings, format, file, measurer.evaluationSet(), token).describe();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /**
     * Writes a measured point's network ({@code weights}: its recipe applied), with its int8 layers, and evaluates
     * the file on the images the point was measured on (the first of {@code evaluation}), on the point's engine,
     * comparing with the point's accuracy.
     */
    public Result writePoint(WeightSet weights, EvaluatedPoint point, ModelSettings settings, ModelFormat format,
                             Path file, LabeledImages evaluation, CancelToken cancel) throws Exception {
        Measurement measured = point.measurement();
        boolean onOrt = measured.how().engine().startsWith("ONNX Runtime");
        return write(weights, settings, format, int8Of(point.recipe(), measured), file,
                evaluation.first(measured.samples()), onOrt, measured.accuracy(), cancel);
    }

    /**
     * Writes {@code weights} with the model's {@code settings} (input shape, normalisation, class names: in an ONNX
     * file's metadata, after a .pwb file's weights, in a .djl archive's settings.txt; so the file is measured with
     * no flags as its source was) and evaluates the written file on {@code images}, on ONNX Runtime when
     * {@code onOrt} (else DJL's PyTorch engine), comparing with {@code pointAccuracy} when it is not null.
     */
    public Result write(WeightSet weights, ModelSettings settings, ModelFormat format, Set<String> int8, Path file,
                        LabeledImages images, boolean onOrt, Double pointAccuracy, CancelToken cancel) throws Exception {
        byte[] bytes = SettingsStamp.write(files.encode(weights, format, int8), format, settings);
        double[] accuracy = new double[1];
        // The file is loaded back from its temporary copy and moved into place only once evaluated: a cancelled
        // or failed export leaves nothing at the target (and a file that was there, as it was).
        AtomicFile.write(file, temp -> {
            Files.write(temp, bytes);
            try (InferenceNetwork reloaded = files.reload(Files.readAllBytes(temp), format, file.toString(), weights,
                    int8, onOrt)) {
                accuracy[0] = new Evaluator(250).accuracy(reloaded, images, cancel);
            } catch (WeightFileException e) {
                throw new IllegalStateException("the written file does not load back: " + e.getMessage(), e);
            }
        });
        String engine = format == ModelFormat.ONNX || onOrt ? "ONNX Runtime" : "DJL PyTorch";
        return new Result(file, Files.size(file), format, new TreeSet<>(int8), engine, accuracy[0], images.size(),
                pointAccuracy);
    }
}
