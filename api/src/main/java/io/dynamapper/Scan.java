package io.dynamapper;

import java.util.List;
import java.util.stream.Stream;

/**
 * A DynamoDB Scan over a whole table, built fluently and run by one of the terminal methods.
 * Obtained from {@link Session#scan(Class)}; every entity it returns is managed by that session.
 * A scan reads (and is billed for) every item; prefer a {@link Query} where a key is known.
 *
 * @param <T> the entity type
 */
public interface Scan<T> {
    /**
     * Filters the items read. Several filters must all hold.
     *
     * @param filter the filter, on the entity's Java field names
     * @return this scan
     * @throws NullPointerException if {@code filter} is null
     */
    Scan<T> filter(Filter filter);

    /**
     * Returns at most {@code limit} items in all.
     *
     * @param limit the largest number of entities the terminal operation returns
     * @return this scan
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    Scan<T> limit(int limit);

    /**
     * Uses strongly consistent reads.
     *
     * @return this scan
     */
    Scan<T> consistentRead();

    /**
     * Scans in {@code segments} parallel segments (DynamoDB's {@code TotalSegments}), read
     * concurrently; results are merged in segment order.
     *
     * @param segments the number of segments, 1 to 1,000,000
     * @return this scan
     * @throws IllegalArgumentException if {@code segments} is out of range
     */
    Scan<T> segments(int segments);

    /**
     * Every matching item.
     *
     * @return the managed entities, segment after segment
     * @throws IllegalStateException if the session is closed
     * @throws IllegalArgumentException if a filter value does not fit its field, or a filter names a
     *     field the entity does not persist
     * @throws MappingException if an item cannot be read into the entity
     * @throws RetriesExhaustedException if a page failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected a request
     */
    List<T> list();

    /**
     * Matching items, fetching pages lazily as consumed (segments one after another). Close it if
     * not consumed fully; failures of requests are thrown from the stream's operations.
     *
     * @return a sequential stream of managed entities
     * @throws IllegalStateException if the session is closed
     * @throws IllegalArgumentException if a filter value does not fit its field, or a filter names a
     *     field the entity does not persist
     */
    Stream<T> stream();

    /**
     * How many items match, counted by DynamoDB ({@code Select.COUNT}).
     *
     * @return the number of matching items, at most the {@link #limit(int)} if one was set
     * @throws IllegalStateException if the session is closed
     * @throws IllegalArgumentException if a filter value does not fit its field, or a filter names a
     *     field the entity does not persist
     * @throws RetriesExhaustedException if a page failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected a request
     */
    long count();
}
