package io.dynamapper.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.OutOfScopeException;
import io.dynamapper.Session;
import io.dynamapper.Isolation;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UnitOfWork} of one {@link DynamapperModule}: a thread-local {@link Frame} holding the
 * unit's session (opened on first use) and the transaction running in it, if any. The interceptor
 * and the thread-routing session of the same module share this instance.
 */
final class ThreadUnitOfWork implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWork.class);

    private final Provider<SessionFactory> factory;
    private final String name;
    private final SessionOptions baseOptions;
    private final ThreadLocal<Frame> frames = new ThreadLocal<>();

    /**
     * @param factory the module's session factory, resolved on first use
     * @param name how messages name this unit, e.g. "the default unit of work"
     * @param baseOptions the options of a session opened without a transaction's own options
     */
    ThreadUnitOfWork(Provider<SessionFactory> factory, String name, SessionOptions baseOptions) {
        this.factory = requireNonNull(factory, "factory == null");
        this.name = requireNonNull(name, "name == null");
        this.baseOptions = requireNonNull(baseOptions, "baseOptions == null");
    }

    @Override
    public void begin() {
        if (frames.get() != null) {
            throw new IllegalStateException(name + " is already active on thread "
                    + Thread.currentThread().getName() + "; end() it first");
        }
        frames.set(new Frame(baseOptions));
    }

    @Override
    public void end() {
        Frame frame = frames.get();
        if (frame == null) {
            return;
        }
        if (frame.transaction != null) {
            throw new IllegalStateException("end() called on " + name + " while the @Transactional method "
                    + frame.transaction.method + " runs in it; the unit of work stays active");
        }
        frames.remove();
        Session session = frame.session;
        frame.session = null;
        if (session != null) {
            closeDiscarding(session);
        }
    }

    @Override
    public boolean isActive() {
        return frames.get() != null;
    }

    @Override
    public void run(Runnable work) {
        requireNonNull(work, "work == null");
        begin();
        Throwable failure = null;
        try {
            work.run();
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            endAfter(failure);
        }
    }

    @Override
    public <T> T call(Callable<T> work) throws Exception {
        requireNonNull(work, "work == null");
        begin();
        Throwable failure = null;
        try {
            return work.call();
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            endAfter(failure);
        }
    }

    /** Ends the unit; if the work already failed, an end failure is attached to it, not thrown. */
    private void endAfter(Throwable failure) {
        if (failure == null) {
            end();
            return;
        }
        try {
            end();
        } catch (Throwable cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    @Override
    public String toString() {
        return "UnitOfWork(" + name + ")";
    }

    // --- shared with the interceptor and the routing session -------------------------------------

    /** The current thread's frame, or null outside a unit of work. */
    Frame frame() {
        return frames.get();
    }

    /** The current unit's session, opened on first use. */
    Session currentSession() {
        Frame frame = frames.get();
        if (frame == null) {
            throw new OutOfScopeException("No unit of work is active for the Session of " + name + " on thread "
                    + Thread.currentThread().getName()
                    + ": call it from a @Transactional method or inside unitOfWork.run(...)"
                    + " (or between unitOfWork.begin() and end())");
        }
        return frame.session(factory);
    }

    /** Whether a {@link Transactional} call is running on this thread in this unit. */
    boolean isTransactionActive() {
        Frame frame = frames.get();
        return frame != null && frame.transaction != null;
    }

    /** How messages name this unit. */
    String name() {
        return name;
    }

    /** Closes a session, warning first if it still held changes. Propagates what close() throws. */
    static void closeDiscarding(Session session) {
        boolean dirty;
        try {
            dirty = session.isDirty();
        } catch (RuntimeException e) {
            dirty = false;
        }
        if (dirty) {
            LOG.warn("Unit of work ended with uncommitted changes in {}: they are discarded."
                    + " Commit them with a @Transactional method or session.commit().", session);
        }
        session.close();
    }

    /** One thread's unit of work. */
    static final class Frame {
        private final SessionOptions baseOptions;
        private Session session;
        /** The options the session was opened with (the base options unless a transaction's). */
        private SessionOptions sessionOptions;
        /** The outermost transaction running in this unit, or null. */
        Transaction transaction;

        Frame(SessionOptions baseOptions) {
            this.baseOptions = baseOptions;
        }

        Session session(Provider<SessionFactory> factory) {
            if (session == null) {
                SessionOptions wanted = transaction == null ? null : transaction.options;
                session = wanted == null ? factory.get().openSession() : factory.get().openSession(wanted);
                sessionOptions = wanted == null ? baseOptions : wanted;
            }
            return session;
        }

        /**
         * Checks that the session the call runs in (open, or to be opened by the current transaction)
         * has the options the call needs.
         *
         * @throws IllegalStateException if it reads eventually consistent or is not serializable
         *     where the call asks for it
         */
        void checkOptions(TransactionalMethods.Attributes call) {
            SessionOptions needed = call.sessionOptions().orElse(null);
            if (needed == null) {
                return;
            }
            SessionOptions actual = session != null ? sessionOptions
                    : transaction != null && transaction.options != null ? transaction.options : baseOptions;
            boolean reads = !needed.consistentReads() || actual.consistentReads();
            boolean isolation = needed.isolation() != Isolation.SERIALIZABLE
                    || actual.isolation() == Isolation.SERIALIZABLE;
            if (!reads || !isolation) {
                throw new IllegalStateException("@Transactional " + call.method() + " needs "
                        + (reads ? "" : "consistent reads") + (reads || isolation ? "" : " and ")
                        + (isolation ? "" : "SERIALIZABLE isolation") + ", but runs in a session "
                        + (session != null ? "already opened in the unit of work" : "of the transaction it joins")
                        + " with " + actual + "; put these options on the outermost @Transactional method, "
                        + "or start its unit of work without using the session first");
            }
        }

        /** The session if one was opened, or null. */
        Session openedSession() {
            return session;
        }

        /** Closes the session (if one was opened) so the next use opens a fresh one. */
        void renewSession() {
            Session old = session;
            session = null;
            sessionOptions = null;
            if (old != null) {
                old.close();
            }
        }
    }

    /** A {@link Transactional} call in progress and whether it may still commit. */
    static final class Transaction {
        final String method;
        /** The options of a session the transaction opens, or null for the unit's base options. */
        final SessionOptions options;
        Throwable rollbackOnlyCause;
        String rollbackOnlyMethod;

        Transaction(String method, SessionOptions options) {
            this.method = method;
            this.options = options;
        }

        void markRollbackOnly(String failedMethod, Throwable cause) {
            if (rollbackOnlyCause == null) {
                rollbackOnlyCause = cause;
                rollbackOnlyMethod = failedMethod;
            }
        }

        boolean isRollbackOnly() {
            return rollbackOnlyCause != null;
        }
    }
}
