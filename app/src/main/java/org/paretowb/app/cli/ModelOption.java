package org.paretowb.app.cli;

import org.paretowb.models.network.Architecture;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --model cnn|mlp}. */
public final class ModelOption implements ITypeConverter<Architecture> {
    @Override
    public Architecture convert(String value) {
        try {
            return Architecture.fromCliName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
