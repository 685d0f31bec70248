package io.dynamapper.guice;

import static java.util.Objects.requireNonNull;

import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.RetryScope;
import io.dynamapper.Session;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.guice.ThreadUnitOfWork.Frame;
import io.dynamapper.guice.ThreadUnitOfWork.Transaction;
import io.dynamapper.guice.TransactionalMethods.Attributes;
import java.util.ArrayList;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Runs {@link Transactional} methods of one module's unit of work: starts, joins, commits, rolls
 * back and retries transactions as {@link Transactional} documents.
 */
final class TransactionalInterceptor implements MethodInterceptor {
    private final ThreadUnitOfWork unit;
    private final TransactionalMethods methods;
    private final RetryPolicy retryPolicy;

    TransactionalInterceptor(ThreadUnitOfWork unit, TransactionalMethods methods, RetryPolicy retryPolicy) {
        this.unit = requireNonNull(unit, "unit == null");
        this.methods = requireNonNull(methods, "methods == null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Attributes attributes = methods.attributes(invocation.getMethod()).orElseThrow(
                () -> new IllegalStateException("not @Transactional: " + invocation.getMethod()));
        Frame frame = unit.frame();
        if (frame != null && frame.transaction != null) {
            return join(invocation, attributes, frame);
        }
        return runWithRetries(invocation, attributes, frame == null);
    }

    /** A call inside a transaction: no commit, no retry; a failure that rolls back dooms the transaction. */
    private static Object join(MethodInvocation invocation, Attributes attributes, Frame frame)
            throws Throwable {
        Transaction transaction = frame.transaction;
        try {
            frame.checkOptions(attributes);
            return invocation.proceed();
        } catch (Throwable failure) {
            if (attributes.rollsBackOn(failure)) {
                transaction.markRollbackOnly(attributes.method(), failure);
            }
            throw failure;
        }
    }

    /**
     * The outermost call: runs the method and commits, re-running it after a conflict while the
     * unit of work's retry budget lasts. Every retry in it (the commit's, the reads', re-runs) draws
     * from that one budget.
     */
    private Object runWithRetries(MethodInvocation invocation, Attributes attributes, boolean ownsUnit)
            throws Throwable {
        RetryPolicy policy = attributes.maxAttempts() == 0 ? retryPolicy
                : retryPolicy.withMaxAttempts(attributes.maxAttempts());
        Outcome last = Dynamapper.inRetryScope(policy, budget -> runAttempts(invocation, attributes, ownsUnit, budget));
        if (last.failure != null) {
            throw last.failure;
        }
        return last.value;
    }

    private Outcome runAttempts(MethodInvocation invocation, Attributes attributes, boolean ownsUnit,
                                RetryScope budget) {
        List<Throwable> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(invocation, attributes, ownsUnit, attempt);
            Throwable failure = outcome.failure;
            if (failure == null) {
                return outcome;
            }
            boolean retry = false;
            if (outcome.retryable) {
                try {
                    retry = budget.awaitRetry();
                } catch (InterruptedException interrupted) {
                    failure.addSuppressed(interrupted);
                }
            }
            if (!retry) {
                return new Outcome(null, withSuppressed(failure, earlier), false);
            }
            earlier.add(failure);
        }
    }

    /** One run of the method and its commit or rollback; never throws, returns the outcome. */
    private Outcome attempt(MethodInvocation invocation, Attributes attributes, boolean ownsUnit, int attempt) {
        if (ownsUnit) {
            unit.begin();
        }
        Frame frame = unit.frame();
        Transaction transaction = new Transaction(attributes.method(), attributes.sessionOptions().orElse(null));
        frame.transaction = transaction;
        Object value = null;
        Throwable failure = null;
        boolean retryable = false;
        // changes the unit's session held before the call are not the method's to drop: with them,
        // a failure neither rolls back nor re-runs, and the session keeps every pending change
        boolean foreignChanges = false;
        try {
            if (!ownsUnit && attempt > 1) {
                frame.renewSession();   // a unit begun by someone else: re-run in a fresh session
            }
            frame.checkOptions(attributes);
            foreignChanges = !ownsUnit && hasPendingChanges(frame.openedSession());
            try {
                value = invocation.proceed();
            } catch (Throwable t) {
                failure = t;
            }
            if (failure != null && attributes.rollsBackOn(failure)) {
                if (!foreignChanges) {
                    rollback(frame, failure);
                }
                retryable = !foreignChanges && isConflict(failure);
            } else if (transaction.isRollbackOnly()) {
                if (failure == null) {
                    failure = new RollbackOnlyException("Nothing was committed by " + attributes.method()
                            + ": the @Transactional call " + transaction.rollbackOnlyMethod
                            + " that joined its transaction failed with " + transaction.rollbackOnlyCause
                            + " and marked the transaction rollback-only (even though the failure was caught)",
                            transaction.rollbackOnlyCause);
                } else if (!inCauses(failure, transaction.rollbackOnlyCause)) {
                    failure.addSuppressed(transaction.rollbackOnlyCause);
                }
                if (!foreignChanges) {
                    rollback(frame, failure);
                }
            } else {
                Session session = frame.openedSession();
                if (session != null) {
                    try {
                        session.commit();
                    } catch (Throwable commitFailure) {
                        if (failure == null) {
                            failure = commitFailure;
                            retryable = !foreignChanges && isConflict(commitFailure);
                        } else {
                            failure.addSuppressed(commitFailure);
                        }
                        if (!foreignChanges) {
                            rollback(frame, failure);
                        }
                    }
                }
            }
        } catch (Throwable unexpected) {   // renewing the session failed, or it lacks the options
            failure = attach(failure, unexpected);
            retryable = false;
        } finally {
            frame.transaction = null;
            if (ownsUnit) {
                try {
                    unit.end();
                } catch (Throwable cleanup) {
                    failure = attach(failure, cleanup);
                    retryable = retryable && failure != cleanup;
                }
            }
        }
        return new Outcome(failure == null ? value : null, failure, retryable);
    }

    /** Whether a session of the unit holds changes; one that cannot tell is assumed to. */
    private static boolean hasPendingChanges(Session session) {
        if (session == null) {
            return false;
        }
        try {
            return session.isDirty();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Discards the session's pending changes; if that fails, the failure is attached to
     * {@code primary} and the session is closed so that no broken session stays in the unit.
     */
    private static void rollback(Frame frame, Throwable primary) {
        Session session = frame.openedSession();
        if (session == null) {
            return;
        }
        try {
            session.rollback();
        } catch (Throwable rollbackFailure) {
            primary.addSuppressed(rollbackFailure);
            try {
                frame.renewSession();
            } catch (Throwable closeFailure) {
                primary.addSuppressed(closeFailure);
            }
        }
    }

    /**
     * Whether a re-run may succeed: a conflict. Not {@link io.dynamapper.RetriesExhaustedException},
     * which means the unit of work's retry budget is spent.
     */
    private static boolean isConflict(Throwable failure) {
        return failure instanceof OptimisticLockException;
    }

    private static boolean inCauses(Throwable failure, Throwable cause) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t == cause) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable attach(Throwable primary, Throwable secondary) {
        if (primary == null) {
            return secondary;
        }
        if (primary != secondary) {
            primary.addSuppressed(secondary);
        }
        return primary;
    }

    private static Throwable withSuppressed(Throwable failure, List<Throwable> earlier) {
        for (Throwable e : earlier) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    @Override
    public String toString() {
        return "TransactionalInterceptor(" + unit.name() + ")";
    }

    /** The result of one attempt: a value, or a failure that may be worth another attempt. */
    private record Outcome(Object value, Throwable failure, boolean retryable) {
    }
}
