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
    /** Opens a session with the factory's default options. */
    Session openSession();

    /** Opens a session with the given options. */
    Session openSession(SessionOptions options);

    /**
     * Runs {@code work} in a fresh session, commits and closes it, and returns the work's result.
     * On an {@link OptimisticLockException} runs the whole work again in a new session, with
     * backoff. Every retry inside (a commit's transient retries, a read's) and every re-run draw
     * from one budget of the retry policy's {@code maxAttempts - 1} retries (see
     * {@link RetryPolicy}), so the work runs at most {@code maxAttempts} times. The work must
     * therefore be safe to run more than once.
     *
     * @param work the unit of work
     * @return what the work returned
     * @throws X whatever the work throws (not retried; nothing is committed)
     * @throws OptimisticLockException if the last run conflicted and the budget is spent; earlier
     *     failures are attached as suppressed
     * @throws RetriesExhaustedException if the budget ran out on transient failures (not re-run)
     * @throws CommitOutcomeUnknownException if a commit may have been applied but nothing proves
     *     whether it was; never re-run, since that could apply the work twice
     * @throws NullPointerException if {@code work} is null
     */
    <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X;

    /** Like {@link #inTransaction}, for work without a result. */
    <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X;

    /** Creates, describes and deletes entity tables. */
    SchemaManager schema();
}
