package io.dynamapper;

/**
 * A unit of work without a result, run by {@link SessionFactory#useTransaction}. It may be run
 * more than once (after a conflict), each time in a fresh session.
 *
 * @param <X> the checked exception the work may throw
 */
@FunctionalInterface
public interface SessionConsumer<X extends Exception> {
    /**
     * Does the work in the session; the caller commits.
     *
     * @param session a fresh session, open for this run only
     * @throws X if the work fails; nothing is committed
     */
    void accept(Session session) throws X;
}
