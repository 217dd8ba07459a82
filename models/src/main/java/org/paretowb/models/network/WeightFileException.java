package org.paretowb.models.network;

/** A weight file that is not one, or does not fit the architecture it is loaded into. */
public class WeightFileException extends Exception {
    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
