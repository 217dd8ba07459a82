package org.paretowb.services.lane;

/** Thrown at a batch boundary when the work in flight has been superseded or cancelled. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
