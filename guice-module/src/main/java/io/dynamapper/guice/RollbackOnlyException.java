package io.dynamapper.guice;

import io.dynamapper.DynamapperException;

/**
 * A {@link Transactional} method returned normally, but a {@code @Transactional} call that joined
 * its transaction had failed with an exception that rolls back (and the method caught it). Nothing
 * was committed: the session's pending changes were discarded. The cause is the inner call's
 * failure.
 */
public class RollbackOnlyException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the failure that made the transaction rollback-only.
     *
     * @param message the outer and inner methods and what happened
     * @param cause the inner call's failure
     */
    public RollbackOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
