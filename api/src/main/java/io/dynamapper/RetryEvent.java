package io.dynamapper;

import java.util.Objects;
import java.util.Optional;

/**
 * A retry about to happen, as told to {@link DynamapperListener#onRetry}: attempt
 * {@link #attempt()} failed, the unit of work's retry budget allowed one more, the
 * {@link RetryPolicy}'s backoff is over, and the request is sent again (or the unit of work re-run)
 * now.
 *
 * @param operation what is retried
 * @param reason why
 * @param attempt the failed attempt, 1-based
 * @param table the table, or empty for a unit of work or a commit writing several tables
 */
public record RetryEvent(Operation operation, Reason reason, int attempt, Optional<String> table) {
    /** What is retried. */
    public enum Operation {
        /** The request of a commit (the same request, idempotently). */
        COMMIT,
        /** A read request, or a batch get's unprocessed keys. */
        READ,
        /** A whole unit of work of {@link SessionFactory#inTransaction}, in a fresh session. */
        UNIT_OF_WORK
    }

    /** Why it is retried. */
    public enum Reason {
        /** DynamoDB throttled the request (throughput or request limits). */
        THROTTLED,
        /** A transaction conflicted with another one in progress on the same item. */
        TRANSACTION_CONFLICT,
        /** A 5xx error, I/O error or timeout: the request may or may not have reached DynamoDB. */
        SERVER_OR_NETWORK,
        /** BatchGetItem left keys unprocessed. */
        UNPROCESSED_KEYS,
        /** A unit of work's commit failed its version condition ({@link OptimisticLockException}). */
        OPTIMISTIC_LOCK
    }

    /**
     * Validates the components.
     *
     * @param operation what is retried
     * @param reason why
     * @param attempt the failed attempt, 1-based
     * @param table the table, or empty for a unit of work or a commit writing several tables
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code attempt} is less than 1
     */
    public RetryEvent {
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(table, "table == null");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }
}
