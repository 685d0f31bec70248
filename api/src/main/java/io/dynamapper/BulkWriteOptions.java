package io.dynamapper;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link BulkWriter}.
 *
 * @param parallelism how many {@code BatchWriteItem} requests may be in flight at once; 1 (the
 *     default) sends them one after the other from the calling thread
 * @param retryPolicy the budget for items left unprocessed and transient failures, per request:
 *     at most {@code maxAttempts} calls, with its backoff between them; empty for the factory's policy
 * @param progress told after each request how many items are written so far, of how many were
 *     queued so far; empty for none
 */
public record BulkWriteOptions(int parallelism, Optional<RetryPolicy> retryPolicy, Optional<Progress> progress) {

    /**
     * Told how far a bulk write has come. Called from the thread that sent the request: with a
     * parallelism above 1, from several threads at once, so an implementation must be thread-safe.
     */
    @FunctionalInterface
    public interface Progress {
        /**
         * Called after each request.
         *
         * @param written items written so far
         * @param queued items queued so far (the total, once everything is queued)
         */
        void update(long written, long queued);
    }

    /**
     * Validates the settings.
     *
     * @param parallelism requests in flight at once, at least 1
     * @param retryPolicy the retry budget per request; empty for the factory's policy
     * @param progress the progress callback; empty for none
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code parallelism} is less than 1
     */
    public BulkWriteOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
        Objects.requireNonNull(progress, "progress == null");
    }

    /**
     * One request at a time, the factory's retry policy, no progress callback.
     *
     * @return the default options
     */
    public static BulkWriteOptions defaults() {
        return new BulkWriteOptions(1, Optional.empty(), Optional.empty());
    }

    /**
     * These options with another parallelism.
     *
     * @param n requests in flight at once, at least 1
     * @return these options with that parallelism
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public BulkWriteOptions withParallelism(int n) {
        return new BulkWriteOptions(n, retryPolicy, progress);
    }

    /**
     * These options with their own retry budget instead of the factory's policy.
     *
     * @param policy the retry budget per request
     * @return these options with that policy
     * @throws NullPointerException if {@code policy} is null
     */
    public BulkWriteOptions withRetryPolicy(RetryPolicy policy) {
        return new BulkWriteOptions(parallelism, Optional.of(Objects.requireNonNull(policy, "policy == null")), progress);
    }

    /**
     * These options with a progress callback.
     *
     * @param callback told after each request
     * @return these options with that callback
     * @throws NullPointerException if {@code callback} is null
     */
    public BulkWriteOptions withProgress(Progress callback) {
        return new BulkWriteOptions(parallelism, retryPolicy,
                Optional.of(Objects.requireNonNull(callback, "callback == null")));
    }
}
