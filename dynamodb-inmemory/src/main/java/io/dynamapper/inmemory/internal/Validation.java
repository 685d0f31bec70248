package io.dynamapper.inmemory.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key and index-key checks against a table's schema, with DynamoDB Local's messages. */
final class Validation {
    private Validation() {
    }

    /** Validates a key given to Get/Update/Delete (exactly the key attributes); returns it normalised. */
    static Map<String, AttributeValue> key(StoredTable t, Map<String, AttributeValue> key) {
        if (key == null || key.size() != t.keyNames().size() || !key.keySet().containsAll(t.keyNames())) {
            throw Errors.validation("The number of conditions on the keys is invalid");
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(4);
        for (String k : t.keyNames()) {
            AttributeValue v = ItemValidator.checkValue(key.get(k), false);
            keyValue(t, k, v);
            out.put(k, v);
        }
        return out;
    }

    /** Validates a normalised item's key attributes and index key attributes. */
    static void item(StoredTable t, Map<String, AttributeValue> item) {
        for (String k : t.keyNames()) {
            AttributeValue v = item.get(k);
            if (v == null) {
                throw Errors.validation("One of the required keys was not given a value");
            }
            keyValue(t, k, v);
        }
        for (StoredTable.Index i : t.indexes) {
            for (String k : new String[] {i.hashKey, i.rangeKey}) {
                AttributeValue v = k == null ? null : item.get(k);
                if (v == null || t.keyNames().contains(k)) {
                    continue;
                }
                String type = AttributeSemantics.type(v);
                if (!t.attributeTypes.get(k).equals(type)) {
                    throw Errors.validation("One or more parameter values were invalid: Type mismatch for Index Key");
                }
                if (isEmpty(v)) {
                    throw Errors.validation("One or more parameter values are not valid. A value specified for a "
                            + "secondary index key is not supported. The AttributeValue for a key attribute cannot "
                            + "contain an empty " + ("S".equals(type) ? "string" : "binary") + " value. IndexName: "
                            + i.name + ", IndexKey: " + k);
                }
            }
        }
    }

    /** The key attributes of an item. */
    static Map<String, AttributeValue> keyOf(StoredTable t, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(4);
        for (String k : t.keyNames()) {
            out.put(k, item.get(k));
        }
        return out;
    }

    private static void keyValue(StoredTable t, String k, AttributeValue v) {
        String type = AttributeSemantics.type(v);
        if (!t.attributeTypes.get(k).equals(type)) {
            throw Errors.validation("One or more parameter values were invalid: Type mismatch for key");
        }
        if (isEmpty(v)) {
            throw Errors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + ("S".equals(type) ? "string" : "binary")
                    + " value. Key: " + k);
        }
    }

    private static boolean isEmpty(AttributeValue v) {
        return (v.s() != null && v.s().isEmpty()) || (v.b() != null && v.b().asByteArrayUnsafe().length == 0);
    }

    static Map<String, AttributeValue> normalizeValues(Map<String, AttributeValue> values) {
        if (values == null || values.isEmpty()) {
            return values;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(values.size() * 2);
        values.forEach((k, v) -> out.put(k, ItemValidator.checkValue(v, true)));
        return out;
    }

    static void tableName(String name) {
        if (name == null) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (name.length() < 3 || name.length() > 255) {
            throw Errors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to "
                    + "satisfy constraint: Member must have length " + (name.length() < 3
                    ? "greater than or equal to 3" : "less than or equal to 255"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-' && c != '.') {
                throw Errors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            }
        }
    }
}
