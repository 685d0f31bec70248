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
     * On an {@link OptimisticLockException} runs the whole work again in a new session, with
     * backoff. Every retry inside (a commit's transient retries, a read's) and every re-run draw
     * from one budget of the retry policy's {@code maxAttempts - 1} retries (see
     * {@link RetryPolicy}), so the work runs at most {@code maxAttempts} times. The work must
     * therefore be safe to run more than once.
     *
     * @param work the unit of work; it must not commit or close the session itself
     * @param <R> the result type
     * @param <X> the checked exception the work may throw
     * @return what the work returned
     * @throws X whatever the work throws (not retried; nothing is committed)
     * @throws OptimisticLockException if the last run conflicted and the budget is spent; earlier
     *     failures are attached as suppressed
     * @throws RetriesExhaustedException if the budget ran out on transient failures (not re-run)
     * @throws CommitOutcomeUnknownException if a commit may have been applied but nothing proves
     *     whether it was; never re-run, since that could apply the work twice
     * @throws DynamapperException if a read or the commit failed otherwise (not retried)
     * @throws NullPointerException if {@code work} is null
     */
    <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X;

    /**
     * Like {@link #inTransaction}, for work without a result.
     *
     * @param work the unit of work; it must not commit or close the session itself
     * @param <X> the checked exception the work may throw
     * @throws X whatever the work throws (not retried; nothing is committed)
     * @throws OptimisticLockException if the last run conflicted and the budget is spent
     * @throws RetriesExhaustedException if the budget ran out on transient failures (not re-run)
     * @throws CommitOutcomeUnknownException if a commit may have been applied; never re-run
     * @throws DynamapperException if a read or the commit failed otherwise (not retried)
     * @throws NullPointerException if {@code work} is null
     */
    <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X;

    /**
     * Creates, describes and deletes entity tables.
     *
     * @return the schema manager of this factory's client
     */
    SchemaManager schema();

    /**
     * A writer that loads or deletes many items with {@code BatchWriteItem}, with the default
     * {@link BulkWriteOptions}: not atomic and not version-checked (see {@link BulkWriter}).
     *
     * @return a new writer; close it to flush
     */
    BulkWriter bulkWriter();

    /**
     * A writer with the given options.
     *
     * @param options parallelism, retry budget and progress callback
     * @return a new writer; close it to flush
     * @throws NullPointerException if {@code options} is null
     */
    BulkWriter bulkWriter(BulkWriteOptions options);

    /**
     * Converts items to entities and back, without a session, e.g. for DynamoDB Streams records.
     *
     * @return the factory's mapper (thread-safe)
     */
    ItemMapper mapper();
}
