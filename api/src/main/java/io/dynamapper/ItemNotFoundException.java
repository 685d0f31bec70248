package io.dynamapper;

import static java.util.Objects.requireNonNull;

/** {@link Session#get} found no item for the key. */
public class ItemNotFoundException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> entityType;
    private final transient Key key;

    /** Creates the exception for an entity type and the key that was not found. */
    public ItemNotFoundException(Class<?> entityType, String tableName, Key key) {
        super("No " + requireNonNull(entityType, "entityType == null").getName() + " in table '"
                + tableName + "' for key " + requireNonNull(key, "key == null"));
        this.entityType = entityType;
        this.key = key;
    }

    /** The entity class that was asked for. */
    public Class<?> entityType() {
        return entityType;
    }

    /** The key that was not found. */
    public Key key() {
        return key;
    }
}
