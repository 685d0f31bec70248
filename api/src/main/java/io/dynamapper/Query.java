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
    /**
     * The partition key value to query (of the table, or of the {@link #index(String)}). Required.
     *
     * @param value the hash key value, of the key field's type (any {@code Number} that fits a
     *     numeric key); converted and checked at the terminal operation
     * @return this query
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalStateException if a hash key was already set
     */
    Query<T> hashKey(Object value);

    /**
     * A condition on the sort key (of the table, or of the index).
     *
     * @param condition the condition, e.g. {@code KeyCondition.between(3, 7)}
     * @return this query
     * @throws NullPointerException if {@code condition} is null
     * @throws IllegalStateException if a range key condition was already set
     */
    Query<T> rangeKey(KeyCondition condition);

    /**
     * Queries a secondary index declared with {@link IndexHashKey}/{@link IndexRangeKey}.
     *
     * @param indexName the index name
     * @return this query
     * @throws NullPointerException if {@code indexName} is null
     * @throws MappingException if the entity declares no index of that name
     * @throws IllegalStateException if an index was already set
     */
    Query<T> index(String indexName);

    /**
     * Filters the items read (after the key condition). Several filters must all hold.
     *
     * @param filter the filter, on the entity's Java field names
     * @return this query
     * @throws NullPointerException if {@code filter} is null
     */
    Query<T> filter(Filter filter);

    /**
     * Returns items in descending sort-key order.
     *
     * @return this query
     */
    Query<T> descending();

    /**
     * Returns at most {@code limit} items in all.
     *
     * @param limit the largest number of entities the terminal operation returns
     * @return this query
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    Query<T> limit(int limit);

    /**
     * Uses strongly consistent reads (not available on global secondary indexes).
     *
     * @return this query
     */
    Query<T> consistentRead();

    /**
     * Every matching item, reading all pages.
     *
     * @return the managed entities, in sort-key order
     * @throws IllegalStateException if no hash key was set, consistent reads were asked of a global
     *     index, or the session is closed
     * @throws IllegalArgumentException if a key or filter value does not fit its field, or a filter
     *     names a key attribute or a field the entity does not persist
     * @throws MappingException if an item cannot be read into the entity
     * @throws RetriesExhaustedException if a page failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected a request
     */
    List<T> list();

    /**
     * Matching items, fetching pages lazily as the stream is consumed. Close it if not consumed
     * fully. The query is validated at this call; requests are sent as elements are consumed, and
     * their failures are thrown from the stream's operations.
     *
     * @return a sequential stream of managed entities
     * @throws IllegalStateException if no hash key was set, consistent reads were asked of a global
     *     index, or the session is closed
     * @throws IllegalArgumentException if a key or filter value does not fit its field, or a filter
     *     names a key attribute or a field the entity does not persist
     */
    Stream<T> stream();

    /**
     * The first matching item, if any. Without a filter one request for one item; with a filter,
     * pages are read until an item matches (DynamoDB filters after reading), so it may take several.
     *
     * @return the first managed entity in sort-key order, or empty if none matches
     * @throws IllegalStateException if no hash key was set, consistent reads were asked of a global
     *     index, or the session is closed
     * @throws IllegalArgumentException if a key or filter value does not fit its field, or a filter
     *     names a key attribute or a field the entity does not persist
     * @throws MappingException if an item cannot be read into the entity
     * @throws RetriesExhaustedException if a page failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected a request
     */
    Optional<T> first();

    /**
     * How many items match, counted by DynamoDB ({@code Select.COUNT}): no items are read into the
     * session.
     *
     * @return the number of matching items, at most the {@link #limit(int)} if one was set
     * @throws IllegalStateException if no hash key was set, consistent reads were asked of a global
     *     index, or the session is closed
     * @throws IllegalArgumentException if a key or filter value does not fit its field, or a filter
     *     names a key attribute or a field the entity does not persist
     * @throws RetriesExhaustedException if a page failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected a request
     */
    long count();

    /**
     * One page of at most {@code size} matching items, starting after {@code after} (or at the
     * beginning when empty): one request. A page may hold fewer items than {@code size}, or none,
     * and still have a {@link Page#next() next} cursor; see {@link Page}.
     *
     * @param size the most items the page holds (DynamoDB's {@code Limit}, capped by {@link #limit(int)})
     * @param after the cursor of the previous page, or empty for the first page
     * @return the page and the cursor to the next one
     * @throws IllegalArgumentException if {@code size} is not positive, if {@code after} holds a
     *     cursor that was not made by this query (another table, index or partition), or if a key
     *     or filter value does not fit its field
     * @throws NullPointerException if {@code after} is null
     * @throws IllegalStateException if no hash key was set, consistent reads were asked of a global
     *     index, or the session is closed
     * @throws MappingException if an item cannot be read into the entity
     * @throws RetriesExhaustedException if the request failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the request
     */
    Page<T> page(int size, Optional<Cursor> after);
}
