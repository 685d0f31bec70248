package io.dynamapper.guice;

import java.util.concurrent.Callable;

/**
 * Scopes one {@link io.dynamapper.Session} to the current thread: between {@link #begin()} and
 * {@link #end()}, the {@code Session} injected by {@link DynamapperModule} is that session, in
 * every object (session-per-request: a servlet filter begins a unit when a request starts and
 * ends it when the request ends).
 *
 * <pre>{@code
 * unitOfWork.run(() -> transfers.transfer("alice", "bob", 10));
 * }</pre>
 *
 * <p>A unit of work is not a transaction: its session writes when the outermost
 * {@link Transactional} method run in it returns, or when code calls {@code session.commit()}.
 * {@link #end()} closes the session; changes still uncommitted then are discarded (and a warning
 * is logged). Without a unit of work, each outermost {@code @Transactional} call runs in a unit of
 * its own.
 *
 * <p>Thread-safe: each thread has its own unit. One instance per {@link DynamapperModule}, bound
 * with the module's binding annotation if it has one.
 */
public interface UnitOfWork {

    /**
     * Begins a unit of work on the current thread. Its session is opened on first use.
     *
     * @throws IllegalStateException if a unit of work is already active on this thread
     */
    void begin();

    /**
     * Ends the current thread's unit of work and closes its session, discarding (with a logged
     * warning) any change not committed. Does nothing if no unit of work is active. The thread's
     * state is cleared even if closing the session fails.
     *
     * @throws IllegalStateException if called from a {@link Transactional} method running in the
     *     unit (the unit is left active)
     * @throws RuntimeException whatever closing the session threw, after the state was cleared
     */
    void end();

    /**
     * Whether a unit of work is active on the current thread.
     *
     * @return true between {@link #begin()} and {@link #end()} on this thread
     */
    boolean isActive();

    /**
     * Runs {@code work} in a unit of work: {@link #begin()}, the work, then {@link #end()} whatever
     * happens. A failure of {@code end()} after a failed work is attached to the work's failure as
     * suppressed.
     *
     * @param work what to run with the unit's session
     * @throws NullPointerException if {@code work} is null
     * @throws IllegalStateException if a unit of work is already active on this thread
     */
    void run(Runnable work);

    /**
     * Like {@link #run(Runnable)}, for work with a result.
     *
     * @param work what to run with the unit's session
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws Exception whatever {@code work} throws
     * @throws NullPointerException if {@code work} is null
     * @throws IllegalStateException if a unit of work is already active on this thread
     */
    <T> T call(Callable<T> work) throws Exception;
}
