package org.paretowb.services.usecase;

/** A problem the user can fix (bad flag, missing file): printed as one line, exit code 2. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
