package io.dynamapper;

/**
 * A commit may or may not have been applied: an attempt failed in a way that does not tell whether
 * DynamoDB received and applied it (an I/O error while the request may have been on its way, a
 * timeout, a 5xx), and nothing proved the outcome afterwards: every retry failed too, the retry
 * budget was spent, or a retry found a condition failed, which the commit's own first attempt
 * would cause just as well as someone else's write. Equal stored values are not taken as proof,
 * since another writer can make the identical change. Sending the commit as a transaction with a
 * token (2 or more writes, or {@link SessionOptions#withExactlyOnceSingleWrites}) settles most of
 * these cases within DynamoDB's 10-minute token window.
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
