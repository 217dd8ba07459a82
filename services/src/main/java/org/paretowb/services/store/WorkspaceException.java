package org.paretowb.services.store;

/** A workspace that cannot be opened or written, with a message a user can act on. */
public final class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
