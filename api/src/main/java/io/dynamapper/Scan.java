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
    /** Filters the items read. */
    Scan<T> filter(Filter filter);

    /** Returns at most {@code limit} items in all (positive). */
    Scan<T> limit(int limit);

    /** Uses strongly consistent reads. */
    Scan<T> consistentRead();

    /**
     * Scans in {@code segments} parallel segments (DynamoDB's {@code TotalSegments}, 1 to 1,000,000),
     * read concurrently; results are merged in segment order.
     */
    Scan<T> segments(int segments);

    /** Every matching item. */
    List<T> list();

    /** Matching items, fetching pages lazily as consumed (segments one after another). */
    Stream<T> stream();

    /** How many items match, counted by DynamoDB ({@code Select.COUNT}). */
    long count();
}
