package org.paretowb.services.search;

/** A search-space file that cannot be read or is not one this workbench understands; the message names the file. */
public final class SpaceFileException extends Exception {
    public SpaceFileException(String message) {
        super(message);
    }
}
