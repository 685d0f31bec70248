package io.dynamapper.engine.internal.retry;

import static java.util.Objects.requireNonNull;

import io.dynamapper.RetryPolicy;
import io.dynamapper.RetryScope;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retries one unit of work may still make: {@link RetryPolicy#maxAttempts()} {@code - 1} in
 * all, shared by every kind of retry in the unit (a commit's transient retries, a read's, batch-get
 * keys left unprocessed, and re-runs of the whole work by {@code inTransaction} or
 * {@code @Transactional}). Retries of different kinds therefore never multiply.
 *
 * <p>Each retry waits first, with exponential backoff and full jitter: before retry {@code n}
 * (1-based, counted over the whole unit) a uniformly random duration from zero to
 * {@link #delayCap(RetryPolicy, int)}, through the policy's sleeper.
 *
 * <p>A budget can be made the current one of a thread with {@link #within}: sessions running on
 * that thread then draw their retries from it instead of from their own. Thread-safe, for the
 * worker threads of a parallel scan.
 */
public final class RetryBudget implements RetryScope {
    private static final ThreadLocal<RetryBudget> CURRENT = new ThreadLocal<>();

    private final RetryPolicy policy;
    private final AtomicInteger retries = new AtomicInteger();

    /** A fresh budget of {@code policy.maxAttempts() - 1} retries. */
    public RetryBudget(RetryPolicy policy) {
        this.policy = requireNonNull(policy, "policy == null");
    }

    /** The policy this budget follows. */
    public RetryPolicy policy() {
        return policy;
    }

    /** The retries taken so far. */
    @Override
    public int retries() {
        return retries.get();
    }

    /** Whether one more retry is allowed. */
    public boolean canRetry() {
        return retries.get() < policy.maxAttempts() - 1;
    }

    /**
     * Takes one retry from the budget and waits before it (full jitter), or returns false at once if
     * the budget is spent.
     *
     * @return true after waiting: retry now; false: no retry is left
     * @throws InterruptedException if the wait was interrupted; the thread's interrupt flag is set
     *     again, and the caller must stop retrying
     */
    @Override
    public boolean awaitRetry() throws InterruptedException {
        int retry;
        do {
            retry = retries.get();
            if (retry >= policy.maxAttempts() - 1) {
                return false;
            }
        } while (!retries.compareAndSet(retry, retry + 1));
        long cap = delayCap(policy, retry + 1).toNanos();
        try {
            policy.sleeper().sleep(Duration.ofNanos(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
        return true;
    }

    /**
     * The largest wait before retry {@code retry} (1-based):
     * {@code min(maxDelay, baseDelay * 2^(retry-1))}.
     *
     * @throws IllegalArgumentException if {@code retry < 1}
     */
    public static Duration delayCap(RetryPolicy policy, int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, was " + retry);
        }
        int shift = Math.min(retry - 1, 30);
        long base = policy.baseDelay().toNanos();
        long max = policy.maxDelay().toNanos();
        long capped = base > (max >> shift) ? max : base << shift;
        return Duration.ofNanos(Math.min(capped, max));
    }

    /** The budget made current on this thread by {@link #within}, else {@code fallback}. */
    public static RetryBudget current(RetryBudget fallback) {
        RetryBudget current = CURRENT.get();
        return current != null ? current : fallback;
    }

    /**
     * Runs {@code work} with {@code budget} as this thread's current budget, restoring the previous
     * one afterwards. If a budget is already current (a nested unit of work), that one stays
     * current and {@code budget} is not used.
     *
     * @throws X whatever {@code work} throws
     */
    public static <R, X extends Exception> R within(RetryBudget budget, Work<R, X> work) throws X {
        requireNonNull(budget, "budget == null");
        requireNonNull(work, "work == null");
        if (CURRENT.get() != null) {
            return work.run();
        }
        CURRENT.set(budget);
        try {
            return work.run();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Work run by {@link #within}.
     *
     * @param <R> its result
     * @param <X> what it may throw
     */
    @FunctionalInterface
    public interface Work<R, X extends Exception> {
        /** Runs the work. */
        R run() throws X;
    }

    @Override
    public String toString() {
        return "RetryBudget(" + retries.get() + " of " + (policy.maxAttempts() - 1) + " retries taken)";
    }
}
