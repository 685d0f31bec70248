package io.dynamapper.engine.internal.commit;

import static java.util.Objects.requireNonNull;

import io.dynamapper.Key;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Validation and helpers shared by the kinds of {@link Write}. */
final class WriteChecks {
    private WriteChecks() {
    }

    static void common(Class<?> entityType, Key key, String tableName, Map<String, AttributeValue> keyAttributes,
                       Map<String, String> names, Map<String, AttributeValue> values, String reason, long size) {
        requireNonNull(entityType, "entityType == null");
        requireNonNull(key, "key == null");
        requireNonNull(tableName, "tableName == null");
        requireNonNull(keyAttributes, "keyAttributes == null");
        requireNonNull(names, "names == null");
        requireNonNull(values, "values == null");
        requireNonNull(reason, "reason == null");
        if (keyAttributes.isEmpty()) {
            throw new IllegalArgumentException("a write of " + entityType.getSimpleName() + " " + key
                    + " needs its key attributes");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }

    static <V> Map<String, V> orNull(Map<String, V> map) {
        return map.isEmpty() ? null : map;
    }

    /** Whether {@code stored} holds the version {@code write} would have produced (expected + 1). */
    static boolean holdsNextVersion(Write write, Map<String, AttributeValue> stored) {
        Long expected = write.expectedVersion();
        if (stored == null || write.versionAttribute() == null || expected == null || expected < 1) {
            return false;
        }
        AttributeValue version = stored.get(write.versionAttribute());
        return version != null && version.n() != null
                && new BigDecimal(version.n()).compareTo(BigDecimal.valueOf(expected + 1)) == 0;
    }
}
