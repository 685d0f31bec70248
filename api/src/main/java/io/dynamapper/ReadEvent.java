package io.dynamapper;

import java.time.Duration;
import java.util.Objects;

/**
 * One read, as told to {@link DynamapperListener#onRead}: a request to DynamoDB (one page of a query
 * or scan, one chunk of a batch get), or the part of a {@code find}, {@code get} or {@code getAll}
 * the second-level cache answered.
 *
 * @param operation what was read
 * @param table the table
 * @param entityType the entity class read
 * @param items the items returned (for a {@link Cache#HIT}, the items found in the cache)
 * @param cache what the second-level cache did
 * @param duration the time of the request, including its retries (for a hit, of the lookup)
 */
public record ReadEvent(Operation operation, String table, Class<?> entityType, int items, Cache cache,
                        Duration duration) {
    /** The kind of read. */
    public enum Operation {
        /** {@code find}/{@code get}: GetItem. */
        GET,
        /** {@code getAll}, and the whole items of a query on an index without projection ALL: BatchGetItem. */
        BATCH_GET,
        /** A page of a query. */
        QUERY,
        /** A page of a scan (of one segment). */
        SCAN
    }

    /** What the second-level cache did for a read. */
    public enum Cache {
        /** Answered from the cache; no request was sent. */
        HIT,
        /** Looked up and not found (or expired); the request was sent. */
        MISS,
        /**
         * Not consulted: the class is not {@link Cached}, the factory's cache is off, the read is
         * strongly consistent, or it is a query or scan (whose items still refresh the cache).
         */
        NONE
    }

    /**
     * Validates the components.
     *
     * @param operation what was read
     * @param table the table
     * @param entityType the entity class read
     * @param items the items returned (for a {@link Cache#HIT}, the items found in the cache)
     * @param cache what the second-level cache did
     * @param duration the time of the request, including its retries (for a hit, of the lookup)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code items} is negative
     */
    public ReadEvent {
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(entityType, "entityType == null");
        Objects.requireNonNull(cache, "cache == null");
        Objects.requireNonNull(duration, "duration == null");
        if (items < 0) {
            throw new IllegalArgumentException("items must not be negative, was " + items);
        }
    }
}
