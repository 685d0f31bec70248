package io.dynamapper;

/**
 * The retry budget of one unit of work, for code that runs units of work itself (the Guice
 * module's {@code @Transactional} interceptor, or a framework integration of your own) and must
 * share one budget between its re-runs and every retry made by the sessions inside, as
 * {@link SessionFactory#inTransaction} does. Obtained from
 * {@code io.dynamapper.engine.Dynamapper.inRetryScope(RetryPolicy, Work)}; see {@link RetryPolicy}
 * for what the budget covers. Implementations are thread-safe.
 */
public interface RetryScope {
    /**
     * Takes one retry from the budget and waits before it (exponential backoff with full jitter,
     * through the policy's {@link RetryPolicy#sleeper()}), or returns {@code false} at once if the
     * budget is spent.
     *
     * @return {@code true} after waiting: retry now; {@code false}: no retry is left
     * @throws InterruptedException if the wait was interrupted; the thread's interrupt flag is set
     *     again, and the caller must stop retrying
     */
    boolean awaitRetry() throws InterruptedException;

    /**
     * The retries taken so far from this budget, of every kind.
     *
     * @return zero or more, at most {@code maxAttempts - 1} of the policy
     */
    int retries();

    /**
     * Work run in a retry scope.
     *
     * @param <R> its result
     * @param <X> the checked exception it may throw
     */
    @FunctionalInterface
    interface Work<R, X extends Exception> {
        /**
         * Runs the work.
         *
         * @param scope the budget of the unit of work, to ask for a retry before a re-run
         * @return the work's result
         * @throws X whatever the work throws
         */
        R run(RetryScope scope) throws X;
    }
}
