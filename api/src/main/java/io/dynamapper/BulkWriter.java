package io.dynamapper;

/**
 * Writes many items fast with {@code BatchWriteItem}: puts and deletes are buffered and sent 25 to a
 * request; the items DynamoDB leaves unprocessed (throttling) are sent again with backoff until all
 * are written or the retry budget ({@link BulkWriteOptions#retryPolicy()}) runs out.
 *
 * <p><b>Not atomic and not version-checked.</b> Each item is written on its own, unconditionally: a
 * put replaces the whole item (a {@link Version} field is stored as it is, never checked), a delete
 * removes whatever is there, and a failure leaves the items written so far in place. Use a
 * {@link Session} for atomic, conditional writes; use a bulk writer to load or purge data.
 * Keys and the 400 KB item limit are checked before anything is sent, as in sessions, and
 * {@link AutoIncrement} and {@link AutoUuid} keys are assigned by {@link #put}.
 *
 * <p>Not thread-safe: use one writer per thread ({@link BulkWriteOptions#parallelism()} sends one
 * writer's requests in parallel). The same key twice in one request is not allowed by DynamoDB, so a
 * request is sent early when a key repeats.
 *
 * <pre>{@code
 * try (BulkWriter writer = sessions.bulkWriter()) {
 *     maps.forEach(writer::put);
 *     writer.delete(DoomMap.class, 1, 9);
 * }   // close() flushes
 * }</pre>
 */
public interface BulkWriter extends AutoCloseable {
    /**
     * Queues a put of the entity's full item, sending a request when 25 are queued.
     *
     * @param entity the entity
     * @return this writer
     * @throws NullPointerException if {@code entity} is null
     * @throws IllegalStateException if the writer is closed
     * @throws MappingException if the class is not an entity or a value cannot be stored
     * @throws DynamapperException if a key is unset or empty, or the item is larger than 400 KB
     *     (nothing of it is queued); or, from a request sent now, as {@link #flush()}
     */
    BulkWriter put(Object entity);

    /**
     * Queues a delete of the entity's item.
     *
     * @param entity the entity whose key is deleted
     * @return this writer
     * @throws NullPointerException if {@code entity} is null
     * @throws IllegalStateException if the writer is closed
     * @throws DynamapperException if the key is unset or empty; or, from a request sent now, as {@link #flush()}
     */
    BulkWriter delete(Object entity);

    /**
     * Queues a delete by hash key, for a table without a range key.
     *
     * @param type the entity class
     * @param hashKey the hash key value
     * @return this writer
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the writer is closed
     * @throws IllegalArgumentException if the key cannot be the key field's type or is empty, or the
     *     table has a range key
     * @throws DynamapperException from a request sent now, as {@link #flush()}
     */
    BulkWriter delete(Class<?> type, Object hashKey);

    /**
     * Queues a delete by hash and range key. For a class with a {@link KeyTemplate}, the template
     * fields' values in order; a {@code List} stands for several of them, as in {@link Key}.
     *
     * @param type the entity class
     * @param hashKey the hash key value
     * @param rangeKey the range key value
     * @return this writer
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the writer is closed
     * @throws IllegalArgumentException if a key cannot be its key field's type or is empty, or the
     *     table has no range key
     * @throws DynamapperException from a request sent now, as {@link #flush()}
     */
    BulkWriter delete(Class<?> type, Object hashKey, Object rangeKey);

    /**
     * Sends everything queued and waits until it is written.
     *
     * @return how many items (puts and deletes) were written since the previous flush, or since the
     *     writer was created: those of this call and of requests {@link #put} and {@link #delete} sent
     * @throws IllegalStateException if the writer is closed
     * @throws RetriesExhaustedException if some items were still unprocessed, or a request kept
     *     failing transiently, when the retry budget ran out; the message names the items not
     *     written. Items of other requests may have been written.
     * @throws DynamapperException if DynamoDB rejected a request (a missing table, a bad item)
     */
    long flush();

    /**
     * How many items this writer has written so far.
     *
     * @return the count of items DynamoDB acknowledged
     */
    long written();

    /**
     * Flushes what is queued (as {@link #flush()}, with the same exceptions) and closes the writer.
     * Closing a closed writer does nothing.
     */
    @Override
    void close();
}
