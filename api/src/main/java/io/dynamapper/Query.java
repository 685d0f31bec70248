package io.dynamapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A DynamoDB Query on one partition of a table or index, built fluently and run by one of the
 * terminal methods. Obtained from {@link Session#query(Class)}; every entity it returns is managed
 * by that session (the same instance as any other read of the same key in it).
 *
 * <pre>{@code
 * List<DoomMap> late = session.query(DoomMap.class).hashKey(1).rangeKey(KeyCondition.gt(5)).descending().list();
 * }</pre>
 *
 * <p>Builder methods return this query; a query is not thread-safe and belongs to its session.
 *
 * @param <T> the entity type
 */
public interface Query<T> {
    /** The partition key value to query (of the table, or of the {@link #index(String)}). Required. */
    Query<T> hashKey(Object value);

    /** A condition on the sort key (of the table, or of the index). */
    Query<T> rangeKey(KeyCondition condition);

    /**
     * Queries a secondary index declared with {@link IndexHashKey}/{@link IndexRangeKey}.
     *
     * @throws MappingException if the entity declares no index of that name
     */
    Query<T> index(String indexName);

    /** Filters the items read (after the key condition). */
    Query<T> filter(Filter filter);

    /** Returns items in descending sort-key order. */
    Query<T> descending();

    /** Returns at most {@code limit} items in all (positive). */
    Query<T> limit(int limit);

    /** Uses strongly consistent reads (not available on global secondary indexes). */
    Query<T> consistentRead();

    /** Every matching item, reading all pages. */
    List<T> list();

    /** Matching items, fetching pages lazily as the stream is consumed. Close it if not consumed fully. */
    Stream<T> stream();

    /**
     * The first matching item, if any. Without a filter one request for one item; with a filter,
     * pages are read until an item matches (DynamoDB filters after reading), so it may take several.
     */
    Optional<T> first();

    /** How many items match, counted by DynamoDB ({@code Select.COUNT}): no items are read into the session. */
    long count();

    /**
     * One page of at most {@code size} matching items, starting after {@code after} (or at the
     * beginning when empty).
     *
     * @throws IllegalArgumentException if size is not positive
     */
    Page<T> page(int size, Optional<Cursor> after);
}
