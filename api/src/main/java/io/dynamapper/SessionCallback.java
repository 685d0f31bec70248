package io.dynamapper;

/**
 * A unit of work that returns a result, run by {@link SessionFactory#inTransaction}. It may be run
 * more than once (after a conflict), each time in a fresh session: keep side effects outside
 * DynamoDB out of it, or make them idempotent.
 *
 * @param <R> the result type
 * @param <X> the checked exception the work may throw
 */
@FunctionalInterface
public interface SessionCallback<R, X extends Exception> {
    /**
     * Does the work in the session; the caller commits.
     *
     * @param session a fresh session, open for this run only
     * @return the work's result
     * @throws X if the work fails; nothing is committed
     */
    R run(Session session) throws X;
}
