package io.dynamapper.engine.internal.cache;

import io.dynamapper.engine.internal.mapping.EntityModel;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key of a cache entry: the table and the values of the key attributes, numbers in canonical
 * form so that {@code 1.0} and {@code 1} are the same key.
 */
record CacheKey(String table, AttributeValue hash, AttributeValue range) {
    /** The key of an item, or of a key map of the model's table. */
    static CacheKey of(EntityModel<?> model, Map<String, AttributeValue> item) {
        AttributeValue hash = canonical(item.get(model.hashKey().attributeName()));
        AttributeValue range = model.rangeKey().isPresent()
                ? canonical(item.get(model.rangeKey().get().attributeName())) : null;
        if (hash == null || (range == null && model.rangeKey().isPresent())) {
            throw new IllegalArgumentException("not a whole key of table '" + model.tableName() + "': " + item.keySet());
        }
        return new CacheKey(model.tableName(), hash, range);
    }

    private static AttributeValue canonical(AttributeValue value) {
        if (value == null || value.n() == null || isCanonicalInteger(value.n())) {
            return value;
        }
        return AttributeValue.fromN(new BigDecimal(value.n()).stripTrailingZeros().toPlainString());
    }

    /** "0", or an optional minus and digits without a leading zero: the form DynamoDB returns. */
    private static boolean isCanonicalInteger(String n) {
        int start = n.startsWith("-") ? 1 : 0;
        if (n.length() == start) {
            return false;
        }
        if (n.charAt(start) == '0') {
            return n.length() == 1;
        }
        for (int i = start; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
