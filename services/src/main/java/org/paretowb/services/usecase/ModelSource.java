package org.paretowb.services.usecase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.SettingsText;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.export.DjlArchive;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.export.SettingsStamp;
import org.paretowb.services.onnx.OnnxImporter;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * The model the workbench works on: a built-in example or a file (ONNX, read into the workbench's own
 * network; or the workbench's own export, .pwb or .djl).
 *
 * @param name how the command line names it (cnn, or the file's path)
 * @param title how the window and reports name it
 * @param settings its input shape, normalisation and class names
 * @param normalisationStated whether the normalisation is known (the file states it, the user gave it, or the model
 *     is an example, which takes pixels / 255) rather than assumed (pixels / 255 for a file that states none)
 */
public record ModelSource(String name, String title, WeightSet weights, ModelSettings settings,
                          boolean normalisationStated) {

    public ModelSource {
        String misfit = settings.misfit(weights.spec());
        if (misfit != null) {
            throw new UserError(name + ": " + misfit);
        }
    }

    public static ModelSource example(Architecture architecture) {
        WeightSet weights = ExampleSession.exampleWeights(architecture);
        return new ModelSource(architecture.cliName(), ExampleSession.title(architecture), weights,
                ModelSettings.of(weights.spec()).withClassNames(FashionMnist.CLASS_NAMES), true);
    }

    /** The same model with other settings (checked against the network); its normalisation as known as before. */
    public ModelSource with(ModelSettings newSettings) {
        return new ModelSource(name, title, weights, newSettings, normalisationStated);
    }

    /** The same model with settings its user gave or confirmed: the normalisation is no longer assumed. */
    public ModelSource withStated(ModelSettings newSettings) {
        return new ModelSource(name, title, weights, newSettings, true);
    }

    /**
     * Whether the normalisation is assumed: the model takes images (a table model's features are used as they are)
     * and neither its file nor its user stated one.
     */
    public boolean normalisationAssumed() {
        return !normalisationStated && settings.height() > 1;
    }

    /** Whether the model's file said nothing of its settings, or nothing of its normalisation. */
    public boolean statesNothing() {
        return normalisationAssumed() || settings.equals(ModelSettings.of(weights.spec()));
    }

    /**
     * The line the command line prints when the normalisation is assumed ("model.onnx states no normalisation;
     * assuming ..."); null when it is known.
     */
    public String assumption() {
        return !normalisationAssumed() ? null : name + " states no normalisation; assuming "
                + (settings.normalisation().isNone() ? "pixels/255 with no mean/std"
                : settings.normalisation().describe()) + " (give --mean and --std if it was trained otherwise)";
    }

    /** Whether a --model value names a file rather than an example. */
    public static boolean isFile(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.endsWith(".onnx") || lower.endsWith(".pwb") || lower.endsWith(".djl") || lower.endsWith(".pt")
                || value.contains("/");
    }

    /**
     * Reads a model file and the settings it states (an ONNX file's metadata, the settings an export wrote into a
     * .pwb or .djl file); a message names the file and what is wrong with it.
     */
    public static ModelSource file(Path path) {
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path)) {
            throw new UserError("no model file at " + path);
        }
        if (lower.endsWith(".pt") || lower.endsWith(".pth")) {
            throw new UserError(path + ": TorchScript models are pruned, quantized and used as teachers by the"
                    + " 'torchscript' command; the techniques that rewrite the architecture, and the window, need the"
                    + " ONNX route (export it with torch.onnx.export and open the .onnx)");
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            ModelFormat format = lower.endsWith(".pwb") ? ModelFormat.PWB
                    : lower.endsWith(".djl") ? ModelFormat.DJL : ModelFormat.ONNX;
            WeightSet weights = switch (format) {
                case PWB -> new WeightCodec().read(new ByteArrayInputStream(bytes), path.toString());
                case DJL -> new DjlArchive(new PyTorchRuntime()).read(bytes, path.toString());
                case ONNX -> new OnnxImporter().read(bytes, path.toString());
            };
            Map<String, String> stated = SettingsStamp.read(bytes, format);
            ModelSettings settings = SettingsMetadata.read(stated, ModelSettings.of(weights.spec()), path.toString());
            return new ModelSource(path.toString(), path.getFileName().toString(), weights, settings,
                    SettingsText.statesNormalisation(stated));
        } catch (IOException e) {
            throw new UserError(path + " cannot be read: " + e.getMessage(), e);
        } catch (WeightFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
