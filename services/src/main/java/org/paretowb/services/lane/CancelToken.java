package org.paretowb.services.lane;

/**
 * Set when work should stop; long work checks it between batches. Open for extension so that tests can
 * count the batch boundaries a piece of work passes.
 */
public class CancelToken {
    /** A token that is never cancelled, for work nobody will supersede (the CLI). */
    public static final CancelToken NEVER = new CancelToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NEVER) {
            cancelled = true;
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Called at batch boundaries. */
    public void check() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
