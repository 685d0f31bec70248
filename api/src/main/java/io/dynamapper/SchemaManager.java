package io.dynamapper;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates, describes and deletes the tables of entity classes, from their annotations: key schema,
 * attribute definitions, global and local secondary indexes, and time to live. Obtained from
 * {@link SessionFactory#schema()}; thread-safe.
 */
public interface SchemaManager {
    /**
     * Creates the entity's table with its indexes, waits until the table and its indexes are
     * {@code ACTIVE}, then enables time to live if the entity has a {@link Ttl} attribute.
     *
     * @throws MappingException if the class is not a valid entity
     * @throws DynamapperException if the table already exists, or DynamoDB rejects the request
     */
    void createTable(Class<?> entityType, Throughput throughput);

    /**
     * Like {@link #createTable} when the table does not exist; otherwise does nothing (it does not
     * compare the existing table's schema with the entity).
     *
     * @return true if the table was created, false if it existed
     */
    boolean createTableIfNotExists(Class<?> entityType, Throughput throughput);

    /**
     * Deletes the entity's table and waits until it is gone.
     *
     * @throws DynamapperException if the table does not exist
     */
    void deleteTable(Class<?> entityType);

    /**
     * DynamoDB's description of the entity's table.
     *
     * @throws DynamapperException if the table does not exist
     */
    TableDescription describe(Class<?> entityType);
}
