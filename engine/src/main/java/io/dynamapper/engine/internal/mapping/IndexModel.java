package io.dynamapper.engine.internal.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * A secondary index declared with {@code @IndexHashKey}/{@code @IndexRangeKey}.
 *
 * @param name the index name
 * @param hashKey the index partition key
 * @param rangeKey the index sort key, if any
 * @param local whether it is a local secondary index (same hash key as the table, another range key)
 */
public record IndexModel(String name, PropertyModel hashKey, Optional<PropertyModel> rangeKey, boolean local) {
    /** Validates the components. */
    public IndexModel {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(hashKey, "hashKey == null");
        Objects.requireNonNull(rangeKey, "rangeKey == null");
    }
}
