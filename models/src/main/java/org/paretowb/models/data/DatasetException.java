package org.paretowb.models.data;

/** A data file that cannot be read as the data set it claims to be. The message names the file and the fault. */
public class DatasetException extends Exception {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
