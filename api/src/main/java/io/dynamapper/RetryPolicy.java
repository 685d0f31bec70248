package io.dynamapper;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry: a commit's transient failures (throttling, transaction
 * conflicts, 5xx, timeouts) and a whole unit of work's optimistic-lock conflicts in
 * {@link SessionFactory#inTransaction}.
 *
 * <p>Delays grow exponentially with full jitter: before attempt {@code n+1} the wait is a random
 * duration between zero and {@code min(maxDelay, baseDelay * 2^(n-1))}.
 *
 * @param maxAttempts attempts in all, including the first (at least 1)
 * @param baseDelay the cap of the first delay (positive or zero)
 * @param maxDelay the largest delay (at least baseDelay)
 * @param sleeper how to wait; replace it in tests
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
    /**
     * Validates the components.
     *
     * @param maxAttempts attempts in all, including the first (at least 1)
     * @param baseDelay the cap of the first delay (positive or zero)
     * @param maxDelay the largest delay (at least baseDelay)
     * @param sleeper how to wait; replace it in tests
     * @throws NullPointerException if a duration or the sleeper is null
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1, {@code baseDelay} is
     *     negative or {@code maxDelay} is below it
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
     * 5 attempts, delays from 25 ms up to 1 s, sleeping for real.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(25), Duration.ofSeconds(1), Sleeper.SYSTEM);
    }

    /**
     * One attempt: nothing is retried.
     *
     * @return a policy of one attempt
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Sleeper.SYSTEM);
    }

    /**
     * This policy with another number of attempts.
     *
     * @param attempts attempts in all, including the first (at least 1)
     * @return a new policy
     * @throws IllegalArgumentException if {@code attempts} is below 1
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, sleeper);
    }

    /**
     * This policy with other delays.
     *
     * @param base the cap of the first delay (not negative)
     * @param max the largest delay (at least {@code base})
     * @return a new policy
     * @throws NullPointerException if a duration is null
     * @throws IllegalArgumentException if {@code base} is negative or {@code max} is below it
     */
    public RetryPolicy withDelays(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, sleeper);
    }

    /**
     * This policy with another sleeper.
     *
     * @param newSleeper how to wait between attempts
     * @return a new policy
     * @throws NullPointerException if {@code newSleeper} is null
     */
    public RetryPolicy withSleeper(Sleeper newSleeper) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, newSleeper);
    }

    /**
     * Waits before the next attempt, after {@code attempt} failed ones (1-based): a uniformly random
     * duration from zero to {@link #delayCap(int)} (full jitter), through the {@link #sleeper()}.
     *
     * @param attempt the number of failed attempts so far, at least 1
     * @throws IllegalArgumentException if {@code attempt} is below 1
     * @throws InterruptedException if the wait is interrupted; the caller should stop retrying
     */
    public void backoff(int attempt) throws InterruptedException {
        long cap = delayCap(attempt).toNanos();
        sleeper.sleep(Duration.ofNanos(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1)));
    }

    /**
     * The upper bound of the delay before attempt {@code attempt + 1}, after {@code attempt}
     * failed attempts (1-based): {@code min(maxDelay, baseDelay * 2^(attempt-1))}.
     *
     * @param attempt the number of failed attempts so far, at least 1
     * @return the largest delay before the next attempt
     * @throws IllegalArgumentException if {@code attempt} is below 1
     */
    public Duration delayCap(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        int shift = Math.min(attempt - 1, 30);
        long nanos = baseDelay.toNanos();
        long capped = nanos > (maxDelay.toNanos() >> shift) ? maxDelay.toNanos() : nanos << shift;
        return Duration.ofNanos(Math.min(capped, maxDelay.toNanos()));
    }
}
