package io.dynamapper;

/**
 * Opens {@link Session}s over one DynamoDB client and runs units of work with retries. Thread-safe;
 * build one per application with {@code io.dynamapper.engine.Dynamapper.builder()}.
 *
 * <pre>{@code
 * int total = sessions.inTransaction(s -> {
 *     Account a = s.get(Account.class, "alice");
 *     a.balance += 10;
 *     return a.balance;
 * });
 * }</pre>
 */
public interface SessionFactory {
    /**
     * Opens a session with the factory's default options.
     *
     * @return a new open session; close it (try-with-resources) when the unit of work is done
     */
    Session openSession();

    /**
     * Opens a session with the given options.
     *
     * @param options the session's read consistency, isolation and retry policy
     * @return a new open session; close it when the unit of work is done
     * @throws NullPointerException if {@code options} is null
     */
    Session openSession(SessionOptions options);

    /**
     * Runs {@code work} in a fresh session, commits and closes it, and returns the work's result.
     * On an {@link OptimisticLockException}, or when a commit's transient retries are exhausted,
     * runs the whole work again in a new session, up to the retry policy's attempts, with backoff.
     * The work must therefore be safe to run more than once.
     *
     * @param work the unit of work; it must not commit or close the session itself
     * @param <R> the result type
     * @param <X> the checked exception the work may throw
     * @return what the last, committed run of the work returned
     * @throws X whatever the work throws (not retried; nothing is committed)
     * @throws NullPointerException if {@code work} is null
     * @throws OptimisticLockException if the last attempt conflicted; earlier failures are
     *     attached as suppressed
     * @throws RetriesExhaustedException if the last attempt's commit failed transiently on every try
     * @throws CommitOutcomeUnknownException if a commit may have been applied but its outcome could
     *     not be settled; never re-run, since that could apply the work twice
     * @throws DynamapperException if a read or the commit failed otherwise (not retried)
     */
    <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X;

    /**
     * Like {@link #inTransaction}, for work without a result.
     *
     * @param work the unit of work; it must not commit or close the session itself
     * @param <X> the checked exception the work may throw
     * @throws X whatever the work throws (not retried; nothing is committed)
     * @throws NullPointerException if {@code work} is null
     * @throws OptimisticLockException if the last attempt conflicted
     * @throws RetriesExhaustedException if the last attempt's commit failed transiently on every try
     * @throws CommitOutcomeUnknownException if a commit may have been applied; never re-run
     * @throws DynamapperException if a read or the commit failed otherwise (not retried)
     */
    <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X;

    /**
     * Creates, describes and deletes entity tables.
     *
     * @return the schema manager of this factory's client
     */
    SchemaManager schema();
}
