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
     * @param entityType the entity class
     * @param throughput the capacity of the table and its global indexes
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the throughput names an index the entity does not have as
     *     a global index
     * @throws MappingException if the class is not a valid entity
     * @throws DynamapperException if the table already exists, DynamoDB rejects the request, or the
     *     table does not become {@code ACTIVE} in time
     */
    void createTable(Class<?> entityType, Throughput throughput);

    /**
     * Like {@link #createTable} when the table does not exist; otherwise does nothing (it does not
     * compare the existing table's schema with the entity).
     *
     * @param entityType the entity class
     * @param throughput the capacity of the table and its global indexes, if it is created
     * @return true if the table was created, false if it existed
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the throughput names an index the entity does not have as
     *     a global index
     * @throws MappingException if the class is not a valid entity
     * @throws DynamapperException if DynamoDB rejects the request, or the table does not become
     *     {@code ACTIVE} in time
     */
    boolean createTableIfNotExists(Class<?> entityType, Throughput throughput);

    /**
     * Deletes the entity's table and waits until it is gone.
     *
     * @param entityType the entity class
     * @throws NullPointerException if {@code entityType} is null
     * @throws MappingException if the class is not a valid entity
     * @throws DynamapperException if the table does not exist, DynamoDB rejects the request, or the
     *     table is not gone in time
     */
    void deleteTable(Class<?> entityType);

    /**
     * DynamoDB's description of the entity's table.
     *
     * @param entityType the entity class
     * @return the table's description (status, key schema, indexes, item count)
     * @throws NullPointerException if {@code entityType} is null
     * @throws MappingException if the class is not a valid entity
     * @throws DynamapperException if the table does not exist or DynamoDB rejects the request
     */
    TableDescription describe(Class<?> entityType);
}
