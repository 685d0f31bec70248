package io.dynamapper;

/**
 * A query of one partition of a table shared by several entity classes with {@link KeyTemplate}s:
 * an item collection, such as a customer and all its orders, read in one request sequence and
 * decoded each to the class its type attribute names. Built by {@link Session#collection}; every
 * entity returned is managed by the session, as from {@link Session#query}.
 *
 * <pre>{@code
 * ItemCollection all = s.collection(Customer.class, Order.class).hashKey("alice").list();
 * Customer alice = all.of(Customer.class).get(0);
 * List<Order> orders = all.of(Order.class);
 * }</pre>
 *
 * <p>Not thread-safe; use it from the session's thread.
 */
public interface CollectionQuery {
    /**
     * The partition to read, as the value of the hash template's field (or a {@code List} of the
     * values of its fields, in template order). Every class of the collection must compose the same
     * partition key from it.
     *
     * @param value the hash template field value(s)
     * @return this query
     * @throws NullPointerException if {@code value} is null
     */
    CollectionQuery hashKey(Object value);

    /**
     * Reads with strong consistency.
     *
     * @return this query
     */
    CollectionQuery consistentRead();

    /**
     * Makes an item whose type attribute names none of the collection's classes an error
     * ({@link MappingException}) instead of being skipped, the default.
     *
     * @return this query
     */
    CollectionQuery failOnUnknownTypes();

    /**
     * Reads the whole partition, every page.
     *
     * @return the entities in key order, grouped by class on request
     * @throws IllegalStateException if no hash key was given, or the session is closed
     * @throws IllegalArgumentException if the classes compose different partition keys from the value
     * @throws MappingException if an item cannot be read into its class, or is of an unknown type and
     *     {@link #failOnUnknownTypes()} was called
     * @throws RetriesExhaustedException if a request failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected a request
     */
    ItemCollection list();
}
