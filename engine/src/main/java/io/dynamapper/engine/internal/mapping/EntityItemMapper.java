package io.dynamapper.engine.internal.mapping;

import static java.util.Objects.requireNonNull;

import io.dynamapper.ItemMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The engine's {@link ItemMapper}: the entity models' own conversions, without a session. Stateless. */
public final class EntityItemMapper implements ItemMapper {
    private final ModelRegistry models;

    /** A mapper with the built-in codecs only. */
    public EntityItemMapper() {
        this(ModelRegistry.DEFAULT);
    }

    /** A mapper with the models (and registered codecs) of {@code models}. */
    public EntityItemMapper(ModelRegistry models) {
        this.models = requireNonNull(models, "models == null");
    }

    @Override
    public <T> T fromItem(Class<T> type, Map<String, AttributeValue> item) {
        requireNonNull(type, "type == null");
        requireNonNull(item, "item == null");
        return models.model(type).fromItem(item);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> toItem(Object entity) {
        requireNonNull(entity, "entity == null");
        EntityModel<Object> model = (EntityModel<Object>) models.model(entity.getClass());
        return new LinkedHashMap<>(model.toItem(entity));
    }

    @Override
    public String toString() {
        return "ItemMapper";
    }
}
