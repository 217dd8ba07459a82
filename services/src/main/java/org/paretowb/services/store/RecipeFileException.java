package org.paretowb.services.store;

/** A recipe file that cannot be read: one line naming the file and the field, version or syntax at fault. */
public final class RecipeFileException extends Exception {
    public RecipeFileException(String message) {
        super(message);
    }
}
