package io.dynamapper;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between entities and raw DynamoDB items with the same mapping as sessions, without a
 * session: what a Lambda handler needs to turn a DynamoDB Streams record's old and new images into
 * entities. Obtained from {@link SessionFactory#mapper()}; thread-safe; sends no request.
 *
 * <pre>{@code
 * ItemMapper mapper = sessions.mapper();
 * DoomMap before = mapper.fromItem(DoomMap.class, toSdk(record.getDynamodb().getOldImage()));
 * }</pre>
 */
public interface ItemMapper {
    /**
     * Decodes an item into a new, unmanaged entity. Runs the class's {@link Migrate} steps first if
     * the item's {@link SchemaVersion} is older than the class's; touches no session.
     *
     * @param type the entity class
     * @param item the item, e.g. a stream record's new image
     * @param <T> the entity type
     * @return a new instance
     * @throws NullPointerException if {@code type} or {@code item} is null
     * @throws MappingException if the class is not a valid entity, the item's schema version is newer
     *     than the class's, or an attribute does not fit its field
     */
    <T> T fromItem(Class<T> type, Map<String, AttributeValue> item);

    /**
     * Encodes an entity as the full item a session would put (its version as it is, its
     * {@link SchemaVersion} attribute if the class has one). Keys are not generated: an
     * {@link AutoIncrement} or {@link AutoUuid} key must already be set.
     *
     * @param entity the entity
     * @return a new modifiable map of the item's attributes
     * @throws NullPointerException if {@code entity} is null
     * @throws MappingException if the class is not a valid entity or a value cannot be stored
     * @throws DynamapperException if a key is unset or empty
     */
    Map<String, AttributeValue> toItem(Object entity);
}
