package io.dynamapper.engine.internal.read;

import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How reads hand items to their session: the session returns the instance it manages for the
 * item's key (the existing one, so local changes win) or decodes the item, manages it with a
 * snapshot, and returns it.
 */
@FunctionalInterface
public interface EntityLoader {
    /**
     * The session's managed instance for this full item, or null if the session holds a pending
     * delete for the key (then the read skips it).
     */
    <T> T load(EntityModel<T> model, Map<String, AttributeValue> item);
}
