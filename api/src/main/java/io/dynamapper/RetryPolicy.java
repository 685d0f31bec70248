package io.dynamapper;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a unit of work retries.
 *
 * <h2>One budget per unit of work</h2>
 * A unit of work is a session (from {@link SessionFactory#openSession()} until its next successful
 * {@link Session#commit()}, {@link Session#rollback()} or {@link Session#clear()}), a
 * {@link SessionFactory#inTransaction} call, or an outermost Guice {@code @Transactional} call. It
 * may retry {@code maxAttempts - 1} times in all, whatever fails: a commit's transient failures
 * (throttling, transaction conflicts, 5xx, timeouts, I/O errors), a read's, keys a batch read left
 * unprocessed, and re-runs of the whole work after an {@link OptimisticLockException}. Retries of
 * different kinds share the budget; they never multiply.
 *
 * <p>The worst case is therefore bounded: at most {@code maxAttempts - 1} requests are sent again
 * and the work runs at most {@code maxAttempts} times; at most {@code maxAttempts} requests of the
 * unit fail. The waiting adds up to at most
 * {@code sum over n = 1 .. maxAttempts-1 of min(maxDelay, baseDelay * 2^(n-1))}: with the
 * {@link #defaults()}, 4 retries and at most 25 + 50 + 100 + 200 = 375 ms of waiting. (The SDK
 * client's own retry strategy, if its user configured one, runs inside each request and is not
 * counted here.) When the budget is spent, the last failure is thrown
 * ({@link RetriesExhaustedException}, or the {@link OptimisticLockException} of the last run) with
 * the earlier ones attached as suppressed exceptions.
 *
 * <p>Delays grow exponentially with full jitter: before the {@code n}-th retry of a unit of work
 * the wait is a uniformly random duration between zero and
 * {@code min(maxDelay, baseDelay * 2^(n-1))}, through the {@link #sleeper()}. An interrupted wait
 * stops the retries (the thread's interrupt flag stays set).
 *
 * @param maxAttempts attempts in all, including the first (at least 1): the budget is
 *     {@code maxAttempts - 1} retries per unit of work
 * @param baseDelay the cap of the first delay (positive or zero)
 * @param maxDelay the largest delay (at least baseDelay)
 * @param sleeper how to wait; replace it in tests
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
    /**
     * Validates the components.
     *
     * @param maxAttempts attempts in all, including the first (at least 1): the budget is
     *     {@code maxAttempts - 1} retries per unit of work
     * @param baseDelay the cap of the first delay (positive or zero)
     * @param maxDelay the largest delay (at least baseDelay)
     * @param sleeper how to wait; replace it in tests
     * @throws IllegalArgumentException if {@code maxAttempts < 1}, {@code baseDelay} is negative or
     *     {@code maxDelay < baseDelay}
     * @throws NullPointerException if a duration or the sleeper is null
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay == null");
        Objects.requireNonNull(maxDelay, "maxDelay == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative, was " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must be at least baseDelay (" + baseDelay + ")");
        }
    }

    /**
     * 5 attempts (4 retries per unit of work), delays from 25 ms up to 1 s, sleeping for real.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(25), Duration.ofSeconds(1), Sleeper.SYSTEM);
    }

    /**
     * One attempt: nothing is retried.
     *
     * @return a policy without retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Sleeper.SYSTEM);
    }

    /**
     * This policy with another number of attempts.
     *
     * @param attempts attempts in all per unit of work, at least 1
     * @return the new policy
     * @throws IllegalArgumentException if {@code attempts < 1}
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, sleeper);
    }

    /**
     * This policy with other delays.
     *
     * @param base the cap of the first delay
     * @param max the largest delay
     * @return the new policy
     * @throws IllegalArgumentException if {@code base} is negative or {@code max < base}
     * @throws NullPointerException if a duration is null
     */
    public RetryPolicy withDelays(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, sleeper);
    }

    /**
     * This policy with another sleeper.
     *
     * @param newSleeper how to wait between attempts
     * @return the new policy
     * @throws NullPointerException if {@code newSleeper} is null
     */
    public RetryPolicy withSleeper(Sleeper newSleeper) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, newSleeper);
    }
}
