package io.dynamapper;

import static java.util.Objects.requireNonNull;

/** {@link Session#get} found no item for the key. */
public class ItemNotFoundException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> entityType;
    private final transient Key key;

    /**
     * Creates the exception for an entity type and the key that was not found.
     *
     * @param entityType the entity class asked for
     * @param tableName the entity's table
     * @param key the key that was not found
     * @throws NullPointerException if {@code entityType} or {@code key} is null
     */
    public ItemNotFoundException(Class<?> entityType, String tableName, Key key) {
        super("No " + requireNonNull(entityType, "entityType == null").getName() + " in table '"
                + tableName + "' for key " + requireNonNull(key, "key == null"));
        this.entityType = entityType;
        this.key = key;
    }

    /**
     * The entity class that was asked for.
     *
     * @return the entity class
     */
    public Class<?> entityType() {
        return entityType;
    }

    /**
     * The key that was not found.
     *
     * @return the key
     */
    public Key key() {
        return key;
    }
}
