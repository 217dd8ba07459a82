package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Path;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.models.network.Architecture;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --model}: an example's name (cnn, cnn-wide, mlp) or a model file's path (.onnx, .pwb, .djl). */
public final class ModelChoice implements ITypeConverter<ModelSource> {
    @Override
    public ModelSource convert(String value) {
        try {
            if (ModelSource.isFile(value)) {
                return ModelSource.file(Path.of(value));
            }
            return ModelSource.example(Architecture.fromCliName(value));
        } catch (UserError e) {
            throw new FileFault(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + ", or give a model file (.onnx, .pwb, .djl)");
        }
    }

    /** A model file that exists but cannot be taken: the message names the file and the fault, nothing else. */
    public static final class FileFault extends TypeConversionException {
        FileFault(String message) {
            super(message);
        }
    }
}
