package org.paretowb.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ModelSettings;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.export.DjlArchive;
import org.paretowb.services.onnx.OnnxImporter;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * The model the workbench works on: a built-in example or a file (ONNX, read into the workbench's own
 * network; or the workbench's own export, .pwb or .djl).
 *
 * @param name how the command line names it (cnn, or the file's path)
 * @param title how the window and reports name it
 * @param settings its input shape, normalisation and class names
 */
public record ModelSource(String name, String title, WeightSet weights, ModelSettings settings) {

    public ModelSource {
        String misfit = settings.misfit(weights.spec());
        if (misfit != null) {
            throw new UserError(name + ": " + misfit);
        }
    }

    public static ModelSource example(Architecture architecture) {
        WeightSet weights = ExampleSession.exampleWeights(architecture);
        return new ModelSource(architecture.cliName(), ExampleSession.title(architecture), weights,
                ModelSettings.of(weights.spec()).withClassNames(FashionMnist.CLASS_NAMES));
    }

    /** The same model with other settings (checked against the network). */
    public ModelSource with(ModelSettings newSettings) {
        return new ModelSource(name, title, weights, newSettings);
    }

    /** Whether a --model value names a file rather than an example. */
    public static boolean isFile(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.endsWith(".onnx") || lower.endsWith(".pwb") || lower.endsWith(".djl") || lower.endsWith(".pt")
                || value.contains("/");
    }

    /** Reads a model file; a message names the file and what is wrong with it. */
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
            boolean onnx = !lower.endsWith(".pwb") && !lower.endsWith(".djl");
            WeightSet weights = lower.endsWith(".pwb") ? new WeightCodec().read(new ByteArrayInputStream(bytes),
                    path.toString())
                    : lower.endsWith(".djl") ? new DjlArchive(new PyTorchRuntime()).read(bytes, path.toString())
                    : new OnnxImporter().read(bytes, path.toString());
            ModelSettings settings = ModelSettings.of(weights.spec());
            if (onnx) {
                settings = SettingsMetadata.read(new OnnxImporter().metadata(bytes), settings, path.toString());
            }
            return new ModelSource(path.toString(), path.getFileName().toString(), weights, settings);
        } catch (IOException e) {
            throw new UserError(path + " cannot be read: " + e.getMessage(), e);
        } catch (WeightFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
