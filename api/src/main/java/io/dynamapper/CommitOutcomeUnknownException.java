package io.dynamapper;

/**
 * A commit may or may not have been applied: an attempt failed after the request was sent (an I/O
 * error, a timeout, a 5xx), and no later attempt could settle whether DynamoDB applied it — every
 * retry failed too, or a retry of a single write found the item changed since by someone else.
 *
 * <p>Unlike {@link OptimisticLockException} and {@link RetriesExhaustedException}, this is never
 * retried by {@link SessionFactory#inTransaction} (nor by Guice's {@code @Transactional}): running
 * the unit of work again could apply its changes twice. The session keeps its pending changes;
 * reload the entities in a new session to see what was stored before deciding what to do. Earlier
 * failures are attached as suppressed exceptions.
 */
public class CommitOutcomeUnknownException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message a message naming the writes
     * @param cause the failure that left the outcome unknown
     */
    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
