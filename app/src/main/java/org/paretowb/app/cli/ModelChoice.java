package org.paretowb.app.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.paretowb.app.ExampleSession;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.export.DjlArchive;
import org.paretowb.services.onnx.OnnxImporter;
import org.paretowb.services.runtime.PyTorchRuntime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The model a command works on: a built-in example ({@code cnn}, {@code cnn-wide}, {@code mlp}) or a file: an
 * ONNX model ({@code .onnx}, read into the workbench's own network), or the workbench's own export
 * ({@code .pwb}, or a {@code .djl} archive).
 */
public record ModelChoice(String name, String title, WeightSet weights) {

    /** Parses {@code --model}: an example's name or a model file's path. */
    public static final class Option implements ITypeConverter<ModelChoice> {
        @Override
        public ModelChoice convert(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            boolean file = lower.endsWith(".onnx") || lower.endsWith(".pwb") || lower.endsWith(".djl")
                    || value.contains("/");
            if (!file) {
                try {
                    Architecture example = Architecture.fromCliName(value);
                    return new ModelChoice(example.cliName(), "Example " + example.title(),
                            ExampleSession.exampleWeights(example));
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException(e.getMessage() + ", or give a model file (.onnx, .pwb, .djl)");
                }
            }
            Path path = Path.of(value);
            if (!Files.isRegularFile(path)) {
                throw new TypeConversionException("no model file at " + value);
            }
            try {
                byte[] bytes = Files.readAllBytes(path);
                WeightSet weights = lower.endsWith(".pwb") ? new WeightCodec().read(new ByteArrayInputStream(bytes), value)
                        : lower.endsWith(".djl") ? new DjlArchive(new PyTorchRuntime()).read(bytes, value)
                        : new OnnxImporter().read(bytes, value);
                return new ModelChoice(value, path.getFileName().toString(), weights);
            } catch (IOException e) {
                throw new TypeConversionException(value + " cannot be read: " + e.getMessage());
            } catch (WeightFileException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
